/**
 * The runs the extension remembers: the last scenario and seed (for Re-run), and the last two runs that
 * produced results (for Compare with Previous Run and Export Results). Pure, so it is unit-tested.
 */
import type { ResultsDocument } from "@vmig/protocol";
import type { ReportNetwork, SeriesStore } from "@vmig/report";

/** A run that produced results. */
export interface RunRecord {
  readonly runId: string;
  /** The scenario's file name, as the panel and the status bar show it. */
  readonly scenario: string;
  /** The document's URI, as a string. */
  readonly uri: string;
  readonly document: ResultsDocument;
  /** The bytes-left series (`remaining/<vm>`), compacted to a bounded size. */
  readonly remaining: SeriesStore;
  /** Each link's peak load and the migrations' routes, for the report's network drawing. */
  readonly network?: ReportNetwork;
}

/** What Re-run repeats. */
export interface LastRun {
  readonly uri: string;
  /** The seed the run used, so that Re-run reproduces it even when the scenario's own seed changes later. */
  readonly seed: number | undefined;
}

export class RunHistory {
  private records: RunRecord[] = [];
  private last: LastRun | undefined;

  /** Notes a run as it starts, with the seed it asked for (if any). */
  started(uri: string, seed: number | undefined): void {
    this.last = { uri, seed };
  }

  /** Keeps a run that produced results; the seed it actually used becomes the one Re-run uses. */
  finished(record: RunRecord): void {
    this.records = [...this.records.slice(-1), record];
    if (this.last?.uri === record.uri) this.last = { uri: record.uri, seed: record.document.seed };
  }

  get lastRun(): LastRun | undefined {
    return this.last;
  }

  /** The most recent run with results. */
  get latest(): RunRecord | undefined {
    return this.records[this.records.length - 1];
  }

  /** The most recent run with results other than `runId` (the run the panel shows): the comparison's baseline. */
  baselineFor(runId: string | undefined): RunRecord | undefined {
    for (let i = this.records.length - 1; i >= 0; i--) {
      if (this.records[i]!.runId !== runId) return this.records[i];
    }
    return undefined;
  }
}
