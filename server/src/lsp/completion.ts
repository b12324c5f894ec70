import { CompletionItemKind, CompletionItemTag, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { LineIndex } from '../engine/text';
import type { CompletionEntry, CompletionKind } from '../services/completion';
import { toRange } from './diagnostics';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  classification: CompletionItemKind.Module,
  skeleton: CompletionItemKind.Snippet,
  'instance-type': CompletionItemKind.EnumMember,
  release: CompletionItemKind.EnumMember,
};

export function toCompletionItem(entry: CompletionEntry, lines: LineIndex): CompletionItem {
  return {
    label: entry.label,
    kind: KINDS[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: 'markdown', value: entry.documentation } : undefined,
    tags: entry.deprecated ? [CompletionItemTag.Deprecated] : undefined,
    textEdit: { range: toRange(lines, entry.edit.span), newText: entry.edit.newText },
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : undefined,
    filterText: entry.filterText,
    sortText: entry.sortText,
  };
}
