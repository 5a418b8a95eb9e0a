import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { alignPoints, appendChunks, cwndPrefix, linkPrefix, remainingPrefix, selectSeries, type SeriesStore } from "../src/series.js";

const alignSeries = (store: SeriesStore, prefix: string) => alignPoints(selectSeries(store, prefix));

const all = (): boolean => true;

describe("appendChunks", () => {
  it("appends each chunk's points to its series, in arrival order", () => {
    const store: SeriesStore = {};
    appendChunks(store, [{ series: "remaining/web", unit: "bytes", points: [0, 100, 1, 80] }], all);
    appendChunks(store, [{ series: "remaining/web", unit: "bytes", points: [2, 50] }], all);
    assert.deepEqual(store, { "remaining/web": [0, 100, 1, 80, 2, 50] });
  });

  it("keeps only the series the filter accepts, and says whether anything was added", () => {
    const store: SeriesStore = {};
    const added = appendChunks(
      store,
      [{ series: "rate/web", unit: "bytes/s", points: [0, 1] }],
      (name) => name.startsWith(remainingPrefix),
    );
    assert.equal(added, false);
    assert.deepEqual(store, {});
  });

  it("drops a dangling half point", () => {
    const store: SeriesStore = {};
    appendChunks(store, [{ series: "remaining/db", unit: "bytes", points: [0, 10, 1] }], all);
    assert.deepEqual(store["remaining/db"], [0, 10]);
  });
});

describe("alignSeries", () => {
  it("aligns series on the union of their times, with null where one has no point", () => {
    const store: SeriesStore = {
      "remaining/web": [0, 100, 2, 40],
      "remaining/db": [1, 70, 2, 30],
      "rate/web": [0, 5],
    };
    const aligned = alignSeries(store, remainingPrefix);
    assert.deepEqual(aligned.labels, ["web", "db"]);
    assert.deepEqual(aligned.data, [
      [0, 1, 2],
      [100, null, 40],
      [null, 70, 30],
    ]);
  });

  it("gives only a time axis when no series matches", () => {
    assert.deepEqual(alignSeries({}, remainingPrefix), { labels: [], data: [[]] });
  });
});

describe("selectSeries", () => {
  it("tells bytes left, link utilisation and TCP windows apart by their prefix", () => {
    const store: SeriesStore = { "remaining/web": [0, 9], "link/h1--sw": [0, 0.5], "cwnd/web": [0, 14600], "cwnd/db": [1, 2920] };
    assert.deepEqual(selectSeries(store, cwndPrefix), [
      { label: "web", points: [0, 14600] },
      { label: "db", points: [1, 2920] },
    ]);
    assert.deepEqual(selectSeries(store, linkPrefix).map((s) => s.label), ["h1--sw"]);
    assert.deepEqual(selectSeries(store, remainingPrefix).map((s) => s.label), ["web"]);
  });
});
