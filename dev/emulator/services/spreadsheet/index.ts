/** SpreadsheetApp and Charts: the service objects a script receives. */
export * from './spreadsheet';
