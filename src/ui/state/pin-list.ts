// The pinned runs as a list: add (named after the preset or "方案 n", first free colour),
// rename (never to another pin's name), and the conversion to and from share-link state.
// Pure functions returning new lists, so the shell can hand them down unchanged otherwise.
import type { Bilingual } from '../../model/scenario/levers.ts';
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import type { RunOutput } from '../model-bridge/types.ts';
import { PIN_COLORS } from '../components/chart-types.ts';
import { freeColor, numberedTitle, uniqueText, uniqueTitle, type PinLabel } from '../lib/pin-labels.ts';
import type { PinState } from './app-state.ts';

/** A pinned run: how it is named, its settings, its result (once run) and its colour. */
export interface Pin {
  label: PinLabel;
  levers: LeverSettings;
  result: RunOutput | undefined;
  /** Index into PIN_COLORS, chosen when pinned; it stays with the pin. */
  color: number;
}

/** `pins` with the current run added; `title` is the preset's or file's, undefined for custom settings. */
export function withPin(pins: Pin[], levers: LeverSettings, result: RunOutput, title: Bilingual | undefined): Pin[] {
  const taken = pins.map((p) => p.label);
  const name = title ? uniqueTitle(title, taken) : numberedTitle(taken);
  const color = freeColor(pins.map((p) => p.color), PIN_COLORS.length);
  return [...pins, { label: { kind: 'title', title: name }, levers: structuredClone(levers), result, color }];
}

/** `pins` with pin `index` renamed: an emptied name falls back to a number, a taken one gets " (2)". */
export function renamed(pins: Pin[], index: number, typed: string): Pin[] {
  const others = pins.filter((_, i) => i !== index).map((p) => p.label);
  const text = typed.trim();
  const label: PinLabel = text ? { kind: 'custom', text: uniqueText(text, others) } : { kind: 'title', title: numberedTitle(others) };
  return pins.map((p, i) => (i === index ? { ...p, label } : p));
}

/** The pins as a share link carries them. */
export function pinStates(pins: Pin[]): PinState[] {
  return pins.map((p) =>
    p.label.kind === 'custom' ? { name: p.label.text, levers: p.levers, color: p.color } : { name: '', title: p.label.title, levers: p.levers, color: p.color },
  );
}

/** Pins from a share link (not yet run): colours as the link says (older links: in order), a repeated one a free colour. */
export function pinsFromStates(states: PinState[]): Pin[] {
  const used: number[] = [];
  return states.map((p) => {
    const color = p.color !== undefined && !used.includes(p.color) ? p.color : freeColor(used, PIN_COLORS.length);
    used.push(color);
    return { label: p.title ? { kind: 'title', title: p.title } : { kind: 'custom', text: p.name }, levers: p.levers, result: undefined, color };
  });
}
