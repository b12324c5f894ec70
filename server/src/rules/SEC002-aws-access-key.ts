import { nodeSpan, type TreeNode } from '../formats/tree';
import { movedReports, reportsWithin, type MovableReport } from '../engine/movedReports';
import { SubtreeMemo } from '../engine/subtreeMemo';
import { allClassifications, type ConfigModel, type ModelPath } from '../engine/model';
import { awsKeysIn, type AwsKeyMatch } from '../engine/secrets';
import { span, type Span } from '../engine/text';
import type { Report, Rule } from './types';

const EXPOSURE =
  'EMR keeps configurations and step arguments as written and shows them in plain text (console, API, CLI history), so anyone who can read the file or describe the cluster can use the key.';
const INSTEAD =
  'let the cluster reach AWS through its EC2 instance profile role, which EMRFS and S3A use without any keys; ' +
  'credentials for another identity belong in AWS Secrets Manager or a Hadoop credential provider (hadoop.security.credential.provider.path).';

function messageFor(match: AwsKeyMatch, key: string | undefined, unnamed = 'This value'): string {
  if (match.kind === 'secret-access-key') {
    return `"${key}" holds what looks like an AWS secret access key (40 characters), in plain text. ${EXPOSURE} Deactivate and rotate the key pair in IAM, and ${INSTEAD}`;
  }
  const subject = key !== undefined ? `The value of "${key}"` : unnamed;
  if (match.prefix === 'ASIA') {
    return (
      `${subject} contains an AWS access key ID of temporary STS credentials (ASIA...): they expire, but until then they work for anyone who also has their secret and session token. ` +
      `${EXPOSURE} Revoke the active sessions of the role that issued them, and ${INSTEAD}`
    );
  }
  return `${subject} contains an AWS access key ID of an IAM user (AKIA...), a long-term credential that works until it is deactivated. ${EXPOSURE} Deactivate and rotate the key in IAM, and ${INSTEAD}`;
}

/** Where a match lies in the document: exactly, when the written value maps onto it character by character, else the whole value. */
function matchSpan(model: ConfigModel, value: string, valueSpan: Span, match: AwsKeyMatch): Span {
  const decoded = model.writer.decode(model.text.slice(valueSpan.start, valueSpan.end), valueSpan.start);
  if (!decoded || decoded.text !== value) return valueSpan;
  return span(decoded.offsets[match.index], decoded.offsets[match.index + match.length]);
}

/** The reports of a subtree that is an item of a list, kept across edits for an item no edit changed inside. */
const keptItemReports = new SubtreeMemo<MovableReport[]>((reports, by) => movedReports(reports, by), (reports, item) => reportsWithin(reports, item));

/**
 * Reports every AWS key in the string values of a JSON subtree, under the member key each value belongs to, if any.
 * The path is one stack shared by every call (copied for a report): most strings hold no key, so copying a path for
 * each of them was most of this rule's time on a large document.
 */
function keysInStrings(model: ConfigModel, node: TreeNode, path: ModelPath, key: string | undefined, out: MovableReport[]): void {
  if (node.type === 'string') {
    const value: unknown = node.value;
    // Both kinds of key are 20 characters or more; most strings are shorter.
    if (typeof value !== 'string' || value.length < 20) return;
    const matches = awsKeysIn(key, value);
    if (matches.length === 0) return;
    const valueSpan = span(node.offset, node.offset + node.length);
    for (const match of matches) out.push({ span: matchSpan(model, value, valueSpan, match), path: [...path], message: messageFor(match, key), fixes: [], related: [] });
    return;
  }
  if (node.type === 'object') {
    for (const member of node.children ?? []) {
      const keyNode = member.children?.[0];
      const valueNode = member.children?.[1];
      if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
      path.push(keyNode.value);
      keysInStrings(model, valueNode, path, keyNode.value, out);
      path.pop();
    }
  } else if (node.type === 'array') {
    const items = node.children ?? [];
    // Array elements keep no key: a list of arguments is not named for a secret.
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      path.push(i);
      if (item.type === 'object') {
        const found = keptItemReports.get(model, item, nodeSpan(item), () => `${model.format}\u0000${path.join('\u0000')}`, () => {
          const inItem: MovableReport[] = [];
          keysInStrings(model, item, path, undefined, inItem);
          return inItem;
        });
        for (const r of found) out.push(r);
      } else {
        keysInStrings(model, item, path, undefined, out);
      }
      path.pop();
    }
  }
}

export const awsAccessKey: Rule = {
  id: 'SEC002',
  name: 'aws-access-key',
  severity: 'error',
  summary: 'A literal AWS access key ID or secret access key anywhere in the file.',
  reads: ['properties'],
  check({ model, report }) {
    const reports: Report[] = [];
    if (model.tree) {
      const found: MovableReport[] = [];
      keysInStrings(model, model.tree, [], undefined, found);
      for (const r of found) reports.push(r);
    } else {
      for (const c of allClassifications(model)) {
        for (const entry of c.properties) {
          if (!entry.valueSpan) continue;
          for (const match of awsKeysIn(entry.key, entry.value)) {
            reports.push({ span: matchSpan(model, entry.value, entry.valueSpan, match), path: entry.path, message: messageFor(match, entry.key) });
          }
        }
      }
    }
    for (const comment of model.comments) {
      for (const match of awsKeysIn(undefined, comment.text)) {
        reports.push({ span: span(comment.span.start + match.index, comment.span.start + match.index + match.length), path: [], message: messageFor(match, undefined, 'This comment') });
      }
    }
    for (const r of reports) report(r);
  },
};
