// npm run check:vendor -- VENDOR_FILE [--bundle FILE] [--only PREFIX] [--json]
// Compares our bundle (generated/openapi.json unless --bundle) with a spec file the vendor publishes
// (its openapi.json, Express paths and all, or ../shared/vendor-facts/skeleton.json) and prints what
// the bundle lacks or contradicts, grouped by kind, with the place of each finding. --only keeps the
// findings whose place starts with PREFIX (such as "GET /v1/payments" or "webhook payment."), --json
// prints the report as JSON. Exit status: 1 when a hard finding remains, 0 when none does, 2 when an
// input file is missing or is not an OpenAPI document.
import path from 'node:path';
import { parseCli } from './lib/cli.ts';
import { GENERATED_DIR } from './lib/paths.ts';
import { compareWithVendor, isHard, loadSpec, renderReport } from './lib/vendor-drift.ts';

const USAGE = 'Usage: npm run check:vendor -- VENDOR_FILE [--bundle FILE] [--only PREFIX] [--json]';
// Where to get the file: said when it is missing.
const WHERE = 'The vendor publishes its spec as spec/openapi.json in its SDK repository, https://github.com/checkout-page/checkoutpage-api-sdk (download that file and pass its path).';

try {
  const { values, positionals } = parseCli({
    usage: USAGE,
    positionals: ['VENDOR_FILE'],
    required: 1,
    missingHint: WHERE,
    options: { bundle: { type: 'string' }, only: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const vendorFile = positionals[0]!;
  const [vendor, ours] = await Promise.all([
    loadSpec(vendorFile, 'vendor spec'),
    loadSpec(values.bundle ?? path.join(GENERATED_DIR, 'openapi.json'), 'bundle'),
  ]);
  const report = compareWithVendor(ours, vendor);
  if (values.only !== undefined) report.findings = report.findings.filter((f) => f.place.startsWith(values.only as string));
  console.log(values.json ? JSON.stringify(report, null, 2) : renderReport(report));
  process.exitCode = report.findings.some((f) => isHard(f.kind)) ? 1 : 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
