// Menu actions of the content programme and the weekly report.

import { render } from '../messages/id';

export function menuWeeklyReport(): void {
  SpreadsheetApp.getUi().alert(render('featurePending'));
}

export function menuPlanContent(): void {
  SpreadsheetApp.getUi().alert(render('featurePending'));
}
