// Menu actions of the content programme and the weekly report.

import { render } from '../messages/id';

export { menuWeeklyReport } from './report-job';

export function menuPlanContent(): void {
  SpreadsheetApp.getUi().alert(render('featurePending'));
}
