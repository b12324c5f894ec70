// The "Sizing plan" view: the node's YARN budget with containers drawn to scale, and the heap split of one executor.
// Pure HTML/SVG from the server's sizing result; no scripts and no remote content.
import type { ContainerView, SizingResult } from '../../server/src/protocol';

const WIDTH = 720;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const mib = (n: number) => `${n.toLocaleString('en-US')} MiB`;

interface Row {
  title: string;
  budgetMiB: number;
  containers: { sizeMiB: number; kind: 'executor' | 'driver' | 'overflow' }[];
}

/** One node: the YARN budget as a frame, containers left to right, what does not fit drawn past the frame in red. */
function nodeSvg(row: Row, scaleMiB: number): string {
  const scale = (WIDTH - 20) / scaleMiB;
  let x = 10;
  const rects: string[] = [];
  for (const [i, c] of row.containers.entries()) {
    const w = Math.max(2, c.sizeMiB * scale);
    const cls = c.kind;
    rects.push(`<rect class="${cls}" x="${x.toFixed(1)}" y="26" width="${(w - 2).toFixed(1)}" height="34"><title>${c.kind} ${i + 1}: ${mib(c.sizeMiB)}</title></rect>`);
    x += w;
  }
  const used = row.containers.filter((c) => c.kind !== 'overflow').reduce((s, c) => s + c.sizeMiB, 0);
  const idle = Math.max(0, row.budgetMiB - used);
  const frame = row.budgetMiB * scale;
  return `<svg class="node" width="${WIDTH}" height="78" viewBox="0 0 ${WIDTH} 78" role="img" aria-label="${escapeHtml(row.title)}">
  <text x="10" y="16" class="label">${escapeHtml(row.title)}</text>
  <rect class="budget" x="10" y="24" width="${frame.toFixed(1)}" height="38"></rect>
  ${rects.join('\n  ')}
  <text x="10" y="75" class="small">YARN budget ${mib(row.budgetMiB)} · used ${mib(used)} · idle ${mib(idle)}</text>
</svg>`;
}

function heapSvg(result: SizingResult): string {
  const heap = result.evaluation!.heap;
  const parts: [string, number, string][] = [
    ['reserved', heap.reservedMiB, 'reserved'],
    ['user', heap.userMiB, 'user'],
    ['storage', heap.storageMiB, 'storage'],
    ['execution', heap.executionMiB, 'execution'],
  ];
  const total = parts.reduce((s, p) => s + p[1], 0) || 1;
  let x = 10;
  const rects = parts.map(([name, size, cls]) => {
    const w = ((WIDTH - 20) * size) / total;
    const rect = `<rect class="${cls}" x="${x.toFixed(1)}" y="8" width="${Math.max(0, w - 1).toFixed(1)}" height="30"><title>${name}: ${mib(size)}</title></rect>` +
      (w > 70 ? `<text x="${(x + 6).toFixed(1)}" y="28" class="inbar">${name} ${mib(size)}</text>` : '');
    x += w;
    return rect;
  });
  return `<svg width="${WIDTH}" height="46" viewBox="0 0 ${WIDTH} 46" role="img" aria-label="heap split">${rects.join('')}</svg>`;
}

function containerLine(label: string, c: ContainerView): string {
  const extra = [c.offHeapMiB ? ` + off-heap ${mib(c.offHeapMiB)}` : '', c.pysparkMiB ? ` + PySpark ${mib(c.pysparkMiB)}` : ''].join('');
  return `<li>${label}: heap ${mib(c.memoryMiB)} + overhead ${mib(c.overheadMiB)}${extra} = <b>${mib(c.containerMiB)}</b>, ${c.cores} cores</li>`;
}

export function planHtml(result: SizingResult, nonce: string, documentName: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:;`;
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><title>Sizing plan</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family, sans-serif); color: var(--vscode-foreground, #222); padding: 0 16px 24px; }
h1 { font-size: 1.3em; } h2 { font-size: 1.05em; margin-top: 1.6em; }
.label { font-size: 12px; fill: currentColor; font-weight: 600; } .small { font-size: 11px; fill: currentColor; opacity: .8; }
.budget { fill: rgba(128,128,128,.12); stroke: currentColor; stroke-width: 1.5; }
.executor { fill: #3b82c4; } .driver { fill: #d9932f; } .overflow { fill: #d0453a; }
.reserved { fill: #888; } .user { fill: #9b7bd1; } .storage { fill: #3ba57a; } .execution { fill: #3b82c4; }
.inbar { font-size: 11px; fill: #fff; }
.legend span { display: inline-block; margin-right: 14px; }
code, pre { font-family: var(--vscode-editor-font-family, monospace); }
pre { background: rgba(128,128,128,.1); padding: 8px; overflow-x: auto; }
.bad { color: #d0453a; font-weight: 600; }
</style></head><body>`;
  if (!result.plan || !result.guide || !result.cluster) {
    return `${head}<h1>Sizing plan: ${escapeHtml(documentName)}</h1><p>No sizing: ${escapeHtml(result.unavailable ?? 'no cluster')}.</p><p>Describe the cluster in the file (Instances), or set <code>emrSpark.cluster.instanceType</code> and <code>emrSpark.cluster.instanceCount</code>, or a <code>.emrsparkrc.json</code>.</p></body></html>`;
  }
  const e = result.evaluation;
  const first = result.cluster[0];
  const group = e?.groups[0];
  const scaleMiB = Math.max(first.yarnMemoryMiB, result.guide.executorsPerNode * result.guide.containerMiB, e && group ? group.executorsPerNode * e.executor.containerMiB : 0) * 1.02;
  const configured: Row | undefined =
    e && group
      ? {
          title: `As configured: ${group.executorsPerNode} executors of ${mib(e.executor.containerMiB)} fit on one ${group.instanceType}`,
          budgetMiB: group.yarnMemoryMiB,
          containers: Array.from({ length: group.executorsPerNode }, () => ({ sizeMiB: e.executor.containerMiB, kind: 'executor' as const })),
        }
      : undefined;
  const guideFit = result.guide.reality?.executorsPerNodeThatFit ?? result.guide.executorsPerNode;
  const guide: Row = {
    title: `Published guide: ${result.guide.executorsPerNode} containers of ${mib(result.guide.containerMiB)}, ${guideFit} fit`,
    budgetMiB: first.yarnMemoryMiB,
    containers: Array.from({ length: result.guide.executorsPerNode }, (_, i) => ({ sizeMiB: result.guide!.containerMiB, kind: i < guideFit ? ('executor' as const) : ('overflow' as const) })),
  };
  const plan: Row = {
    title: `Plan that fits YARN: ${result.plan.executorsPerNode} containers of ${mib(result.plan.containerMiB)}`,
    budgetMiB: first.yarnMemoryMiB,
    containers: Array.from({ length: result.plan.executorsPerNode }, () => ({ sizeMiB: result.plan!.containerMiB, kind: 'executor' as const })),
  };
  const nodes = result.cluster.map((n) => `${n.nodes} x ${n.instanceType} (${n.role}, ${n.vcpu} vCPU, YARN ${mib(n.yarnMemoryMiB)})`).join(', ');
  const shortfall = e?.requestedInstances !== undefined && e.requestedInstances > e.capacity;
  const assumptions = (result.assumptions ?? []).map((a) => `<li>${escapeHtml(a)}</li>`).join('');
  const evaluated = e
    ? `<p>The cluster holds <b>${e.capacity}</b> executors${result.deployMode === 'cluster' ? ' beside the driver' : ''}${e.requestedInstances !== undefined ? `; <span class="${shortfall ? 'bad' : ''}">${e.requestedInstances} requested</span>` : ''}. ${e.yarnMemoryUsedPercent} % of YARN memory is used.</p>
<ul>${containerLine('Executor container', e.executor)}${containerLine(result.deployMode === 'cluster' ? 'Driver container' : 'Driver (on the primary node)', e.driver)}</ul>
<h2>Inside one executor heap</h2>
${heapSvg(result)}
<p>Reserved ${mib(e.heap.reservedMiB)} · user ${mib(e.heap.userMiB)} · storage ${mib(e.heap.storageMiB)} · execution ${mib(e.heap.executionMiB)} (${mib(e.heap.executionPerCoreMiB)} per core)</p>`
    : `<p>${escapeHtml(result.withheld ?? 'The settings are not evaluated.')}.</p>`;
  return `${head}
<h1>Sizing plan: ${escapeHtml(documentName)}</h1>
<p>${escapeHtml(nodes)} · ${escapeHtml(result.deployMode ?? 'client')} deploy mode</p>
<p>${escapeHtml(result.summary ?? '')}</p>
<h2>Assumed</h2>
<ul class="assumptions">${assumptions}</ul>
<p class="legend"><span><svg width="10" height="10"><rect class="executor" width="10" height="10"></rect></svg> executor container</span><span><svg width="10" height="10"><rect class="overflow" width="10" height="10"></rect></svg> does not fit in YARN's budget</span></p>
<h2>One node, drawn to scale</h2>
${configured ? nodeSvg(configured, scaleMiB) : ''}
${nodeSvg(guide, scaleMiB)}
${nodeSvg(plan, scaleMiB)}
${evaluated}
<h2>The plan that fits, step by step</h2>
<pre>${escapeHtml(result.plan.steps.join('\n'))}</pre>
<ul>${(result.plan.placement ?? []).map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>
<pre>${escapeHtml(Object.entries(result.plan.properties).map(([k, v]) => `${k} ${v}`).join('\n'))}</pre>
<h2>The published guide</h2>
<pre>${escapeHtml(result.guide.steps.join('\n'))}</pre>
</body></html>`;
}
