// The entry rules' memo (analysis/entryChecks.ts): what it reuses, and what it must ask the rules about again. The
// differential test in incrementalAnalysis.test.ts checks it against fresh analyses over random edits; these tests
// build the cases a reader that keeps nodes could produce, with a rule that shows everything it was given.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeModel } from '../../server/src/analysis/analyze';
import { EntryMemo } from '../../server/src/analysis/entryChecks';
import type { ConfigModel } from '../../server/src/engine/model';
import { readDocument, readDocumentAfterEdit } from '../../server/src/formats';
import { entryRule } from '../../server/src/rules/entryRule';
import type { Rule } from '../../server/src/rules/types';

/** Reports every entry it is asked about, with what it saw; counts the questions. */
function echoRule(reach: 'entry' | 'classification' = 'entry'): Rule & { asked: number } {
  const rule = entryRule({
    id: 'TST001',
    name: 'echo',
    severity: 'info',
    summary: 'Shows what it was given.',
    reads: ['properties'],
    checkEntry(entry, place, { model, report }) {
      rule.asked++;
      const span = reach === 'entry' ? entry.keySpan : { start: 0, end: model.text.length };
      report({ span, path: entry.path, message: `${place.name} ${place.live} ${entry.key}=${entry.rawValue}`, fixes: [{ title: 'Swap', edits: [{ span: entry.entrySpan, newText: 'x' }] }] });
    },
  }) as Rule & { asked: number };
  rule.asked = 0;
  return rule;
}

const TEXT = '[{"Classification": "spark-defaults", "Properties": {"spark.a": "1", "spark.b": {"n": "2"}}},\n {"Classification": "core-site", "Properties": {"c": "3"}}]';

function edited(model: ConfigModel, at: number, removed: number, inserted: string): ConfigModel {
  const text = model.text.slice(0, at) + inserted + model.text.slice(at + removed);
  return readDocumentAfterEdit(model, { start: at, oldEnd: at + removed, newEnd: at + inserted.length }, { text, fileName: 'configurations.json' });
}

const messages = (model: ConfigModel, rule: Rule, memo?: EntryMemo) =>
  analyzeModel(model, { rules: [rule], entryMemo: memo }).findings.map((f) => `${f.message} @${f.span.start}-${f.span.end} fix@${f.fixes[0].edits[0].span.start}`);

describe('the entry rules memo', () => {
  test('reuses the reports of the entries an edit did not touch, moved to where they now are', () => {
    const rule = echoRule();
    const memo = new EntryMemo();
    const first = readDocument({ text: TEXT, fileName: 'configurations.json' });
    messages(first, rule, memo);
    assert.equal(rule.asked, 3);
    // Three characters typed into the first value: that string is read again, the nodes after it move.
    const second = edited(first, TEXT.indexOf('"1"') + 1, 0, 'abc');
    const withMemo = messages(second, rule, memo);
    assert.equal(rule.asked, 4, 'the edited entry was asked about again, the two others were not');
    assert.deepEqual([memo.recalled, memo.checked], [2, 1]);
    // A key typed into the first Properties object: it is read again whole, the other classification's is moved.
    const third = edited(second, second.text.indexOf('"spark.b"'), 0, '"spark.c": "5", ');
    assert.deepEqual(messages(third, rule, memo), messages(readDocument({ text: third.text, fileName: 'configurations.json' }), echoRule()));
    assert.deepEqual([memo.recalled, memo.checked], [1, 3]);
    assert.deepEqual(withMemo, messages(readDocument({ text: second.text, fileName: 'configurations.json' }), echoRule()));
    assert.ok(withMemo.includes(`core-site true c="3" @${second.text.indexOf('"c"')}-${second.text.indexOf('"c"') + 3} fix@${second.text.indexOf('"c"')}`));
  });

  test('asks again about an entry whose object value was edited inside, though its member node was kept', () => {
    const rule = echoRule();
    const memo = new EntryMemo();
    const first = readDocument({ text: TEXT, fileName: 'configurations.json' });
    messages(first, rule, memo);
    // Same length, inside {"n": "2"}: the innermost object read again is that value, so the member spark.b is kept.
    const second = edited(first, TEXT.indexOf('"2"') + 1, 1, '7');
    assert.equal(second.scopes[0].classifications[0].properties[1].source, first.scopes[0].classifications[0].properties[1].source, 'the member node was kept');
    const found = messages(second, rule, memo);
    assert.ok(found.some((m) => m.startsWith('spark-defaults true spark.b={"n": "7"}')), found.join('\n'));
  });

  test('asks again about an entry read from the same node in another place', () => {
    const rule = echoRule();
    const memo = new EntryMemo();
    const first = readDocument({ text: TEXT, fileName: 'configurations.json' });
    messages(first, rule, memo);
    // A reader that kept the node while the classification was renamed, or the key set again after it.
    for (const text of [TEXT.replace('"core-site"', '"hdfs-site"'), TEXT.replace('{"c": "3"}', '{"c": "3", "c": "4"}')]) {
      const other = readDocument({ text, fileName: 'configurations.json' });
      Object.assign(other.scopes[0].classifications[1].properties[0], { source: first.scopes[0].classifications[1].properties[0].source });
      const asked = rule.asked;
      assert.deepEqual(messages(other, rule, memo), messages(other, echoRule()));
      assert.ok(rule.asked > asked);
      messages(first, rule, memo);
    }
  });

  test('does not keep a report that reaches outside its entry', () => {
    const rule = echoRule('classification');
    const memo = new EntryMemo();
    const first = readDocument({ text: TEXT, fileName: 'configurations.json' });
    messages(first, rule, memo);
    messages(edited(first, TEXT.indexOf('"1"') + 1, 0, 'x'), rule, memo);
    assert.equal(rule.asked, 6, 'all three asked again');
    assert.equal(memo.recalled, 0);
  });

  test('forgets everything when what the entries are checked against changes (the release)', () => {
    const rule = echoRule();
    const memo = new EntryMemo();
    const first = readDocument({ text: TEXT, fileName: 'configurations.json' });
    analyzeModel(first, { rules: [rule], entryMemo: memo, release: 'emr-6.15.0' });
    const second = edited(first, TEXT.indexOf('"1"') + 1, 0, 'x');
    analyzeModel(second, { rules: [rule], entryMemo: memo, release: 'emr-7.1.0' });
    assert.equal(memo.recalled, 0);
    analyzeModel(edited(second, TEXT.indexOf('"1"') + 1, 0, 'y'), { rules: [rule], entryMemo: memo, release: 'emr-7.1.0' });
    assert.equal(memo.recalled, 2);
  });

  test('reuses a classification not edited inside whole; one edited inside is looked at entry by entry, even at the same length', () => {
    const rule = echoRule();
    const memo = new EntryMemo();
    const text = TEXT.replace(']', ',\n {"Classification": "hdfs-site", "Properties": {"d": "4", "e": "5"}}]');
    const fresh = (model: ConfigModel) => messages(readDocument({ text: model.text, fileName: 'configurations.json' }), echoRule());
    const first = readDocument({ text, fileName: 'configurations.json' });
    messages(first, rule, memo);
    assert.equal(rule.asked, 5);
    // Three characters typed into the first value: the two classifications after it move and are reused whole.
    const second = edited(first, text.indexOf('"1"') + 1, 0, 'abc');
    assert.deepEqual(messages(second, rule, memo), fresh(second));
    assert.deepEqual([rule.asked, memo.recalledClassifications, memo.recalled, memo.checked], [6, 2, 4, 1]);
    // The same value replaced at the same length: its classification keeps its node and its length, but was edited.
    const third = edited(second, second.text.indexOf('"abc1"') + 1, 4, 'wxyz');
    const found = messages(third, rule, memo);
    assert.deepEqual(found, fresh(third));
    assert.ok(found.some((m) => m.startsWith('spark-defaults true spark.a="wxyz"')), found.join('\n'));
    assert.deepEqual([rule.asked, memo.recalledClassifications], [7, 2]);
    // An edit in the last classification: the first, edited two analyses ago and kept since, is now reused whole.
    const fourth = edited(third, third.text.indexOf('"5"') + 1, 0, '6');
    assert.deepEqual(messages(fourth, rule, memo), fresh(fourth));
    assert.deepEqual([rule.asked, memo.recalledClassifications], [8, 2]);
  });

  test('asks again about the entries of a nested classification whose enclosing one was renamed', () => {
    const rule = entryRule({
      id: 'TST002',
      name: 'ancestors',
      severity: 'info',
      summary: 'Shows the enclosing classifications.',
      reads: ['properties'],
      checkEntry(entry, place, { report }) {
        report({ span: entry.keySpan, path: entry.path, message: `${place.ancestors.join('/')}/${place.name} ${entry.key}` });
      },
    });
    const memo = new EntryMemo();
    const text = '[{"Classification": "hadoop-env", "Configurations": [{"Classification": "export", "Properties": {"JAVA_HOME": "/j"}}]}]';
    const first = readDocument({ text, fileName: 'configurations.json' });
    analyzeModel(first, { rules: [rule], entryMemo: memo });
    // Typed into the outer name: only that string is read again, the nested classification keeps its node.
    const second = edited(first, text.indexOf('-env') + 4, 0, 'x');
    assert.equal(second.scopes[0].classifications[0].children[0].source, first.scopes[0].classifications[0].children[0].source, 'the nested node was kept');
    const found = analyzeModel(second, { rules: [rule], entryMemo: memo }).findings.map((f) => f.message);
    assert.deepEqual(found, ['hadoop-envx/export JAVA_HOME']);
    assert.equal(memo.recalledClassifications, 0);
  });
});
