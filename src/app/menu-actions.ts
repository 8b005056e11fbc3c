// Menu actions of the content programme and the weekly report.

import { render } from '../messages/id';
import { planContent } from './content-api';
import { Ctx } from './context';
import { alert } from '../platform/ui';

export { menuWeeklyReport } from './report-job';

/** "Rencanakan konten": the topic rotation now (DESIGN §4), then what it did. */
export function menuPlanContent(): void {
  const ctx = new Ctx();
  let text: string;
  try {
    text = planContent(ctx).message;
  } catch (err) {
    text = render('errorStaff', { detail: String((err as Error).message ?? err) });
  }
  alert(text);
}
