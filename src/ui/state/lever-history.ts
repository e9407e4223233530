// Undo and redo of lever settings: a list of snapshots and a position in it. A burst of
// changes to one field (a slider dragged, an arrow key held) is one step, so undo goes
// back to where the person started, not one tick at a time.
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import type { Bilingual } from '../../model/scenario/levers.ts';

/** Settings as undo restores them: the levers and the scenario they are named after. */
export interface LeverSnapshot {
  levers: LeverSettings;
  scenarioId: string;
  scenarioTitle: Bilingual;
}

/** Changes to the same field closer together than this (ms) are one step. */
export const COALESCE_MS = 1000;
/** Steps kept. */
export const MAX_STEPS = 100;

interface Entry {
  snap: LeverSnapshot;
  /** What changed to reach it ("lever.field"), for merging a burst; undefined for a whole change (preset, file, reset). */
  key: string | undefined;
  at: number;
}

/** The undo history. Pure apart from its own list; the caller applies what undo/redo return. */
export class LeverHistory {
  private entries: Entry[] = [];
  private index = -1;

  /** Start afresh at `snap` (nothing to undo). */
  reset(snap: LeverSnapshot): void {
    this.entries = [{ snap, key: undefined, at: -Infinity }];
    this.index = 0;
  }

  /** The settings after a change by the person; `key` names the one field changed, `now` is in ms. */
  record(snap: LeverSnapshot, key: string | undefined, now: number): void {
    if (this.index < 0) {
      this.reset(snap);
      return;
    }
    const top = this.entries[this.index];
    // Anything redoable is dropped: a new change starts a new branch.
    this.entries.length = this.index + 1;
    if (key !== undefined && top.key === key && this.index > 0 && now - top.at < COALESCE_MS) {
      this.entries[this.index] = { snap, key, at: now };
      return;
    }
    this.entries.push({ snap, key, at: now });
    if (this.entries.length > MAX_STEPS + 1) this.entries.shift();
    this.index = this.entries.length - 1;
  }

  /** Whether there is a step to undo. */
  get canUndo(): boolean {
    return this.index > 0;
  }

  /** Whether there is a step to redo. */
  get canRedo(): boolean {
    return this.index >= 0 && this.index < this.entries.length - 1;
  }

  /** The step undo would take back, as [before, after], or undefined. */
  undoStep(): [LeverSnapshot, LeverSnapshot] | undefined {
    return this.canUndo ? [this.entries[this.index - 1].snap, this.entries[this.index].snap] : undefined;
  }

  /** The step redo would do again, as [before, after], or undefined. */
  redoStep(): [LeverSnapshot, LeverSnapshot] | undefined {
    return this.canRedo ? [this.entries[this.index].snap, this.entries[this.index + 1].snap] : undefined;
  }

  /** Go one step back; returns the settings to apply. */
  undo(): LeverSnapshot | undefined {
    if (!this.canUndo) return undefined;
    this.index--;
    // A change right after an undo is a new step, never merged into the one undone.
    this.entries[this.index] = { ...this.entries[this.index], at: -Infinity };
    return this.entries[this.index].snap;
  }

  /** Go one step forward again; returns the settings to apply. */
  redo(): LeverSnapshot | undefined {
    if (!this.canRedo) return undefined;
    this.index++;
    this.entries[this.index] = { ...this.entries[this.index], at: -Infinity };
    return this.entries[this.index].snap;
  }
}
