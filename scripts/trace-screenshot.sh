#!/usr/bin/env bash
# Takes a PNG of one trace's detail page in the Aspire Dashboard that telemetry-up.sh started, with headless
# Chromium (Debian's chromium) driven by playwright-core, so the Blazor page has a live circuit and draws its rows
# (plain `chromium --screenshot` leaves it on "Rejoining the server…").
#   scripts/trace-screenshot.sh TRACE_ID OUT.png
# playwright-core (npm, about 10 MB, no browser download) is installed the first time into .telemetry/node
# (git-ignored); its npm output goes to .telemetry/node/npm.log. Environment: ZJSIM_DASHBOARD_UI_PORT (18888),
# CHROMIUM (/usr/bin/chromium), ZJSIM_SCREENSHOT_SIZE (1400x900).
set -euo pipefail
if [ $# -ne 2 ] || ! [[ $1 =~ ^[0-9a-f]{32}$ ]]; then
  echo "usage: scripts/trace-screenshot.sh TRACE_ID OUT.png (TRACE_ID: 32 hex digits, as manifest.json's trace_id)" >&2
  exit 2
fi
trace=$1
out=$(realpath -m "$2")
cd "$(dirname "$0")/.."
ui=${ZJSIM_DASHBOARD_UI_PORT:-18888}
chromium=${CHROMIUM:-/usr/bin/chromium}
size=${ZJSIM_SCREENSHOT_SIZE:-1400x900}
node_dir=$PWD/.telemetry/node
[ -x "$chromium" ] || { echo "trace-screenshot: no Chromium at $chromium (apt-get install chromium, or set CHROMIUM)" >&2; exit 2; }
command -v node >/dev/null || { echo "trace-screenshot: node is not installed (apt-get install nodejs npm)" >&2; exit 2; }
if [ ! -d "$node_dir/node_modules/playwright-core" ]; then
  mkdir -p "$node_dir"
  echo "trace-screenshot: installing playwright-core into $node_dir"
  (cd "$node_dir" && npm install --no-save --no-audit --no-fund playwright-core@1 >npm.log 2>&1) ||
    { echo "trace-screenshot: npm install failed, see $node_dir/npm.log" >&2; exit 1; }
fi

cat > "$node_dir/trace-screenshot.mjs" <<'JS'
import { chromium } from 'playwright-core';
const [url, out, executablePath, size] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(url, { waitUntil: 'networkidle' });
  // A span row of the trace grid: the page is drawn, not a placeholder or "Rejoining the server…".
  await page.waitForSelector('tr.fluent-data-grid-row .span-name-container', { timeout: 60000 });
  await page.screenshot({ path: out });
} finally {
  await browser.close();
}
JS
url=http://127.0.0.1:$ui/traces/detail/$trace
(cd "$node_dir" && node trace-screenshot.mjs "$url" "$out" "$chromium" "$size") ||
  { echo "trace-screenshot: no trace page at $url (is the dashboard up, scripts/telemetry-up.sh, and did it get that trace?)" >&2; exit 1; }
echo "trace-screenshot: $url -> $out"
