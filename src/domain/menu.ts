/**
 * The three-step menu of SOP 000 V.4–V.7 (DESIGN §3.2): jenis → bidang → topik.
 * Numbered replies always work; names, interactive choice ids, `0` (back) and `MENU` (restart)
 * are accepted too.
 */
import {
  KEYWORDS,
  MENU_ALIASES,
  type MessageKey,
  type MessageOverrides,
  render,
  TOPIK,
} from '../messages/id';
import { matchesWord, normalizeReply, readNumber, wordCount } from './text';
import { BIDANG, type Bidang, type Choice, JENIS, type Jenis, type ReplyInput } from './types';

/** SOP 000 V.6–V.7: the topics of each bidang, numbered from 1 in this order. */
export const TOPICS: Record<Bidang, readonly string[]> = TOPIK;

export type MenuStep = 'jenis' | 'bidang' | 'topik';

export interface MenuState {
  step: MenuStep;
  jenis?: Jenis;
  bidang?: Bidang;
}

export type MenuOutcome =
  | {
      kind: 'ask';
      state: MenuState;
      invalid: boolean;
      /** Set when the reply was `0` (back) or `MENU` (restart). */
      nav?: 'back' | 'restart';
    }
  | { kind: 'done'; jenis: Jenis; bidang: Bidang; topik: string };

/** Choice ids that work at every step (e.g. extra rows or buttons of an interactive message). */
export const NAV_BACK_ID = 'nav:back';
export const NAV_RESTART_ID = 'nav:menu';

/** Replies that take longer than this many words are not searched for an option's name. */
const MAX_WORDS_FOR_NAME = 6;

export function initialMenu(): MenuState {
  return { step: 'jenis' };
}

interface Option {
  id: string;
  number: number;
  title: string;
  aliases: readonly string[];
}

function optionsFor(state: MenuState): Option[] {
  switch (state.step) {
    case 'jenis':
      return JENIS.map((jenis, i) => ({
        id: `jenis:${i + 1}`,
        number: i + 1,
        title: jenis,
        aliases: MENU_ALIASES.jenis[jenis],
      }));
    case 'bidang':
      return BIDANG.map((bidang, i) => ({
        id: `bidang:${i + 1}`,
        number: i + 1,
        title: bidang,
        aliases: MENU_ALIASES.bidang[bidang],
      }));
    case 'topik': {
      const bidang = state.bidang ?? 'Koperasi';
      const aliases: readonly (readonly string[])[] = MENU_ALIASES.topik[bidang];
      return TOPICS[bidang].map((title, i) => ({
        id: `topik:${bidang}:${i + 1}`,
        number: i + 1,
        title,
        aliases: aliases[i] ?? [],
      }));
    }
  }
}

/** The choices of the current step, for an interactive list (ids stable, titles ≤ 24 chars). */
export function menuChoices(state: MenuState): Choice[] {
  return optionsFor(normalizeState(state)).map(({ id, title }) => ({ id, title }));
}

/** A state whose fields agree with its step (a topik step without bidang falls back). */
function normalizeState(state: MenuState): MenuState {
  if (state.step === 'topik' && (!state.jenis || !state.bidang)) {
    return state.jenis ? { step: 'bidang', jenis: state.jenis } : initialMenu();
  }
  if (state.step === 'bidang' && !state.jenis) return initialMenu();
  if (state.step === 'jenis') return initialMenu();
  if (state.step === 'bidang') return { step: 'bidang', jenis: state.jenis };
  return { step: 'topik', jenis: state.jenis, bidang: state.bidang };
}

function previous(state: MenuState): MenuState {
  if (state.step === 'topik') return { step: 'bidang', jenis: state.jenis };
  return initialMenu();
}

/** DESIGN §3.2: `menu` (any case) restarts the menu. */
export function isRestartCommand(text: string | undefined): boolean {
  return matchesWord(text, KEYWORDS.restart);
}

/** SOP 000 V.10: the citizen ends the session with `selesai`. */
export function isEndCommand(text: string | undefined): boolean {
  return matchesWord(text, KEYWORDS.end);
}

/** DESIGN §3.8: broadcast opt-in (`DAFTAR`). */
export function isSubscribeCommand(text: string | undefined): boolean {
  return matchesWord(text, KEYWORDS.subscribe);
}

/** DESIGN §3.8: broadcast opt-out (`BERHENTI`, `STOP`). */
export function isUnsubscribeCommand(text: string | undefined): boolean {
  return matchesWord(text, KEYWORDS.unsubscribe);
}

/** `0` or `kembali`: one step back. */
export function isBackCommand(text: string | undefined): boolean {
  if (text === undefined) return false;
  const numbered = readNumber(text);
  if (numbered && numbered.number === 0 && numbered.rest === '') return true;
  return matchesWord(text, KEYWORDS.back);
}

/** The option a name refers to: an exact name first, else the longest name found in a short reply. */
function optionByName(norm: string, options: Option[]): Option | null {
  if (norm === '') return null;
  const namesOf = (o: Option): string[] => [o.title, ...o.aliases].map(normalizeReply);
  const exact = options.filter((o) => namesOf(o).includes(norm));
  if (exact.length === 1) return exact[0];
  if (exact.length > 1 || wordCount(norm) > MAX_WORDS_FOR_NAME) return null;
  const padded = ` ${norm} `;
  let best: Option | null = null;
  let bestLength = 0;
  let tie = false;
  for (const option of options) {
    const length = Math.max(
      0,
      ...namesOf(option)
        .filter((name) => name !== '' && padded.includes(` ${name} `))
        .map((name) => name.length),
    );
    if (length > bestLength) {
      best = option;
      bestLength = length;
      tie = false;
    } else if (length > 0 && length === bestLength && best !== option) {
      tie = true;
    }
  }
  return tie ? null : best;
}

function optionFromText(text: string, options: Option[]): Option | null {
  const numbered = readNumber(text);
  if (numbered) {
    const option = options.find((o) => o.number === numbered.number);
    if (!option) return null;
    // "1. Konsultasi" is fine; "1 pengaduan" (number and name disagree) is not.
    if (numbered.rest === '' || optionByName(numbered.rest, options) === option) return option;
    return null;
  }
  return optionByName(normalizeReply(text), options);
}

function advance(state: MenuState, option: Option): MenuOutcome {
  switch (state.step) {
    case 'jenis':
      return {
        kind: 'ask',
        state: { step: 'bidang', jenis: JENIS[option.number - 1] },
        invalid: false,
      };
    case 'bidang':
      return {
        kind: 'ask',
        state: { step: 'topik', jenis: state.jenis, bidang: BIDANG[option.number - 1] },
        invalid: false,
      };
    case 'topik':
      return {
        kind: 'done',
        jenis: state.jenis as Jenis,
        bidang: state.bidang as Bidang,
        topik: option.title,
      };
  }
}

/** One reply to the menu: the next question (possibly the same step, marked invalid) or done. */
export function menuInput(state: MenuState, input: ReplyInput): MenuOutcome {
  const current = normalizeState(state);
  const options = optionsFor(current);
  const choiceId = input.choiceId?.trim();
  if (choiceId) {
    if (choiceId === NAV_RESTART_ID)
      return { kind: 'ask', state: initialMenu(), invalid: false, nav: 'restart' };
    if (choiceId === NAV_BACK_ID)
      return { kind: 'ask', state: previous(current), invalid: false, nav: 'back' };
    const option = options.find((o) => o.id === choiceId);
    return option ? advance(current, option) : { kind: 'ask', state: current, invalid: true };
  }
  const text = input.text ?? '';
  if (isRestartCommand(text)) return { kind: 'ask', state: initialMenu(), invalid: false, nav: 'restart' };
  if (isBackCommand(text)) return { kind: 'ask', state: previous(current), invalid: false, nav: 'back' };
  const option = optionFromText(text, options);
  return option ? advance(current, option) : { kind: 'ask', state: current, invalid: true };
}

/** The numbered lines of a step's choices (`Ketik *1* – Konsultasi` …). */
export function choiceLines(choices: readonly Choice[], overrides?: MessageOverrides): string {
  return choices
    .map((choice, i) => render('menuLine', { number: i + 1, title: choice.title }, overrides))
    .join('\n');
}

export interface MenuTextOptions {
  /** Step 1 with the welcome greeting (first contact). */
  greeting?: boolean;
  /** The previous reply was not understood: the short hint of the step. */
  invalid?: boolean;
  overrides?: MessageOverrides;
}

/** The question text of a step (numbered choices, and the back/restart hint after step 1). */
export function menuText(state: MenuState, options: MenuTextOptions = {}): string {
  const current = normalizeState(state);
  const { overrides } = options;
  const choices = choiceLines(menuChoices(current), overrides);
  const jenis = current.jenis ?? '';
  const vars = { choices, jenis, jenisLower: jenis.toLowerCase(), bidang: current.bidang ?? '' };
  let key: MessageKey;
  if (current.step === 'jenis') {
    key = options.invalid ? 'menuInvalidJenis' : options.greeting ? 'menuWelcome' : 'menuJenis';
  } else if (current.step === 'bidang') {
    key = options.invalid ? 'menuInvalidBidang' : 'menuBidang';
  } else if (options.invalid) {
    key = 'menuInvalidTopik';
  } else {
    key = current.bidang === 'UKM' ? 'menuTopikUkm' : 'menuTopikKoperasi';
  }
  const body = render(key, vars, overrides);
  return current.step === 'jenis' ? body : `${body}\n\n${render('menuNavHint', {}, overrides)}`;
}

/** Parses a choice id of any step (`jenis:1`, `bidang:2`, `topik:UKM:6`), e.g. for logging. */
export function describeChoiceId(
  choiceId: string,
): { step: MenuStep; number: number; bidang?: Bidang } | null {
  const m = /^(jenis|bidang):(\d+)$/.exec(choiceId);
  if (m) return { step: m[1] as MenuStep, number: Number(m[2]) };
  const t = /^topik:(Koperasi|UKM):(\d+)$/.exec(choiceId);
  if (t) return { step: 'topik', bidang: t[1] as Bidang, number: Number(t[2]) };
  return null;
}
