// What the bot sends a citizen: a question with choices (numbered text, plus an interactive list
// where the provider has one) or plain text, and the rating question that ends every session.

import { isMenuCapable } from '../../channels';
import type { Outbound } from '../../channels/types';
import { menuChoices } from '../../domain/menu';
import { ratingChoices } from '../../domain/rating';
import type { Ctx } from '../context';
import { providerName } from '../messaging/sender';
import type { Turn } from '../messaging/turn';
import type { UserState } from './state';
import { addressOf } from './state';

/** A question with choices: numbered text always, plus an interactive list/buttons where possible. */
export function sendChoices(
  ctx: Ctx,
  state: UserState,
  text: string,
  turn: Turn,
  choices: { id: string; title: string }[],
  ui: { buttonLabel: string; sectionTitle: string; kind: string },
): void {
  const to = addressOf(state);
  const out: Outbound = isMenuCapable(providerName(ctx))
    ? { kind: 'menu', to, text, choices, buttonLabel: ui.buttonLabel, sectionTitle: ui.sectionTitle }
    : { kind: 'text', to, text };
  turn.send(out, {
    sessionId: state.sessionId,
    phone: state.phone || state.userId,
    sender: 'bot',
    kind: ui.kind,
  });
}

export function sendMenu(ctx: Ctx, state: UserState, text: string, turn: Turn): void {
  sendChoices(ctx, state, text, turn, menuChoices(state.menu), {
    buttonLabel: ctx.t('menuListButton'),
    sectionTitle: 'HALO KOP-UKM',
    kind: 'menu',
  });
}

export function sendText(state: UserState, text: string, turn: Turn, kind = 'teks'): void {
  turn.send(
    { kind: 'text', to: addressOf(state), text },
    { sessionId: state.sessionId, phone: state.phone || state.userId, sender: 'bot', kind },
  );
}

export function ratingLines(): string {
  return ratingChoices()
    .map((c, i) => `*${i + 1}* – ${c.title}`)
    .join('\n');
}

export function sendRatingQuestion(ctx: Ctx, state: UserState, text: string, turn: Turn): void {
  sendChoices(ctx, state, text, turn, ratingChoices(), {
    buttonLabel: ctx.t('ratingListButton'),
    sectionTitle: 'Penilaian',
    kind: 'penilaian',
  });
}
