// The samples the steps edit and where in them: the quick start's `migrate web` line, and the fat-tree
// sample's `early_notification on` with its migrating VMs. Importing this module exits with code 2 if a
// sample no longer has what the steps need.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./common.mjs";

export const sample = "quickstart.vmig";
const sampleLines = readFileSync(join(ROOT, "samples", sample), "utf8").split("\n");
/** 1-based line of the `migrate web` statement in the sample. */
export const migrateLine = sampleLines.findIndex((l) => l.startsWith("migrate web to h2")) + 1;
if (migrateLine === 0) {
  console.error(`e2e: samples/${sample} has no "migrate web to h2" line; the test needs one.`);
  process.exit(2);
}

export const transportSample = "fattree-three-migrations.vmig";
const transportSampleLines = readFileSync(join(ROOT, "samples", transportSample), "utf8").split("\n");
/** 1-based line and column of the `on` of `early_notification on`, which the Compare step turns off. */
export const notificationLine = transportSampleLines.findIndex((l) => l.includes("early_notification on")) + 1;
if (notificationLine === 0) {
  console.error(`e2e: samples/${transportSample} has no "early_notification on"; the Compare step needs one.`);
  process.exit(2);
}
export const notificationColumn = transportSampleLines[notificationLine - 1].indexOf("early_notification on") + "early_notification ".length + 1;
/** The sample's migrating VMs, one row each in the table and one pair of lines each in the comparison. */
export const transportVms = ["guest[1]", "guest[2]", "guest[3]"];
