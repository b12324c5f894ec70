import { sep } from 'node:path';
import type { Severity } from '../engine/findings';
import { omittedFindingsMessage } from '../engine/limits';
import { RULES, ruleDocUrl } from '../rules';
import type { CheckedFile } from './checkResult';
import { oneBasedRange, type OneBasedRange } from './positions';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export const TOOL_VERSION = '0.1.0';

function region(range: OneBasedRange) {
  return { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

/**
 * A file's path as a relative URI reference: each name percent-encoded. Only the platform's separators separate
 * names: on Linux and macOS a backslash is a character of a file name, and is encoded as %5C.
 */
export function artifactUri(path: string, separators: RegExp = sep === '\\' ? /[\\/]/ : /\//): string {
  return path.split(separators).map(encodeURIComponent).join('/');
}

export function sarifLog(files: CheckedFile[]) {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'emr-spark-lint',
            version: TOOL_VERSION,
            informationUri: 'https://github.com/emr-spark-config/emr-spark-config',
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.summary },
              helpUri: ruleDocUrl(rule),
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        artifacts: files.map((file) => ({ location: { uri: artifactUri(file.path) } })),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: files.flatMap((file, fileIndex) =>
              file.analysis.omittedFindings
                ? [{ level: 'note', message: { text: omittedFindingsMessage(file.analysis.omittedFindings) }, locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file.path), index: fileIndex } } }] }]
                : [],
            ),
          },
        ],
        results: files.flatMap((file, fileIndex) =>
          file.analysis.findings.map((f) => {
            const location = { uri: artifactUri(file.path), index: fileIndex };
            return {
              ruleId: f.ruleId,
              ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [{ physicalLocation: { artifactLocation: location, region: region(oneBasedRange(file.lines, f.span)) } }],
              relatedLocations: f.related.map((r, i) => ({
                id: i,
                message: { text: r.message },
                physicalLocation: { artifactLocation: location, region: region(oneBasedRange(file.lines, r.span)) },
              })),
              // A fix whose edits would write a secret of the file is left out: SARIF consumers apply fixes as given.
              fixes: f.fixes.filter((fix) => !fix.carriesSecret).map((fix) => ({
                description: { text: fix.title },
                artifactChanges: [
                  {
                    artifactLocation: location,
                    replacements: fix.edits.map((e) => ({
                      deletedRegion: region(oneBasedRange(file.lines, e.span)),
                      insertedContent: { text: e.newText },
                    })),
                  },
                ],
              })),
            };
          }),
        ),
      },
    ],
  };
}

export function formatSarif(files: CheckedFile[]): string {
  return JSON.stringify(sarifLog(files), null, 2) + '\n';
}
