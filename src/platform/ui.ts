// The spreadsheet's user interface (menus, alerts, prompts, the sidebar and dialogs) and the web
// app's answers: SpreadsheetApp.getUi, HtmlService and ContentService.

type TextOutput = GoogleAppsScript.Content.TextOutput;

/** The spreadsheet's UI: menus, alerts and prompts (only where a person opened the spreadsheet). */
export function spreadsheetUi(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/** Shows a message with an OK button. */
export function alert(text: string): void {
  SpreadsheetApp.getUi().alert(text);
}

/** Opens a built page (`build/<file>.html`) as the sidebar. */
export function showSidebar(file: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Opens a built page (`build/<file>.html`) as a modal dialog. */
export function showDialog(file: string, title: string, width: number, height: number): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

/** A plain-text answer of the web app. */
export function textOutput(text: string): TextOutput {
  return ContentService.createTextOutput(text);
}

/** A JSON answer of the web app. */
export function jsonOutput(body: unknown): TextOutput {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}
