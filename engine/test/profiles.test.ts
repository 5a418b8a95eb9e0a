import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultProfile, profiles } from "../src/migration/profiles.js";
import { checkProfile } from "../src/migration/stopConditions.js";

test("Xen's defaults are those of xc_domain_save.c", () => {
  const xen = defaultProfile("xen");
  assert.equal(xen.kind, "xen");
  assert.equal(xen.maxRounds, 30);
  assert.equal(xen.stopBelowBytes, 50 * 4096);
  assert.equal(xen.maxSentFactor, 3);
});

test("every profile is named for its kind and terminates", () => {
  for (const [kind, profile] of Object.entries(profiles)) {
    assert.equal(profile.kind, kind);
    assert.equal(profile.name, kind);
    assert.doesNotThrow(() => checkProfile(profile));
  }
});
