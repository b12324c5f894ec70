import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { planHtml } from '../../client/src/planView';
import { analyzeText } from '../../server/src/analysis/analyze';
import { sizingResult } from '../../server/src/lsp/customRequests';
import { repoRoot } from '../helpers';

const guide = readFileSync(path.join(repoRoot, 'examples', 'cluster-r5.12xlarge.json'), 'utf8');
const html = planHtml(sizingResult(analyzeText(guide, 'cluster.json').sizing), 'NONCE123', 'cluster.json');

test('the plan view is self-contained: a strict Content-Security-Policy, no scripts, no remote content', () => {
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-NONCE123'; img-src data:;">/);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /(src|href)="https?:/i);
  assert.match(html, /<style nonce="NONCE123">/);
});

test('it draws why 9 executors do not fit an r5.12xlarge: 8 containers inside the budget, the 9th in red', () => {
  assert.match(html, /As configured: 8 executors of 43,008 MiB fit on one r5\.12xlarge/);
  assert.match(html, /Published guide: 9 containers of 43,008 MiB, 8 fit/);
  assert.equal((html.match(/<rect class="overflow"/g) ?? []).length, 2, 'the ninth guide container and the legend swatch');
  assert.match(html, /Plan that fits YARN: 11 containers of 34,976 MiB/);
  assert.match(html, /YARN budget 385,024 MiB · used 344,064 MiB · idle 40,960 MiB/);
  assert.match(html, /YARN budget 385,024 MiB · used 384,736 MiB · idle 288 MiB/);
  assert.match(html, /The cluster holds <b>152<\/b> executors; <span class="bad">170 requested<\/span>/);
  assert.match(html, /<li>Driver \(on the primary node\): heap 37,888 MiB \+ overhead 3,788 MiB = <b>41,676 MiB<\/b>, 5 cores<\/li>/);
  assert.match(html, /Reserved 300 MiB · user 7,518 MiB · storage 9,021 MiB · execution 21,049 MiB \(4,209 MiB per core\)/);
});

test('it shows the assumptions, one line each: deploy mode, release, whose settings, rounding step, scheduler', () => {
  const items = [...html.matchAll(/<ul class="assumptions">(.*?)<\/ul>/g)][0][1].split('</li>').filter(Boolean);
  assert.deepEqual(items.map((i) => i.replace('<li>', '').split(':')[0]), ['deploy mode', 'release', 'settings', 'rounding', 'scheduler']);
  assert.match(html, /<li>deploy mode: client, spark-submit&#39;s default|<li>deploy mode: client, spark-submit's default/);
});

test('when the executor size is EMR\'s own it says why nothing is claimed, and still shows the plan', () => {
  const emrSized = JSON.stringify({ ReleaseLabel: 'emr-6.15.0', Instances: { InstanceGroups: [{ InstanceRole: 'CORE', InstanceType: 'm5.xlarge', InstanceCount: 3 }] }, Configurations: [{ Classification: 'spark-defaults', Properties: { 'spark.executor.instances': '6' } }] });
  const view = planHtml(sizingResult(analyzeText(emrSized, 'cluster.json').sizing), 'N', 'cluster.json');
  assert.match(view, /spark\.executor\.memory is not set: EMR writes its own value for m5\.xlarge into spark-defaults, and AWS does not publish it, so no capacity is claimed/);
  assert.match(view, /Plan that fits YARN: 1 containers of 11,392 MiB/);
  assert.doesNotMatch(view, /As configured/);
});

test('without a cluster it says how to give one', () => {
  const empty = planHtml(sizingResult(analyzeText('spark.executor.memory 4g', 'spark-defaults.conf').sizing), 'N', 'spark-defaults.conf');
  assert.match(empty, /No sizing: no core or task nodes are described/);
  assert.match(empty, /emrSpark\.cluster\.instanceType/);
});
