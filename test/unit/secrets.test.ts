// Secrets: what SEC001 finds beyond keys named for a credential (Kerberos attributes of a cluster request, passwords
// inside JDBC and LDAP URLs, -D...password= Java options, a filter's params), and that no output ever repeats a
// secret: messages, fix titles, related messages, and the fix edits JSON and SARIF print.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { analyzeText } from '../../server/src/analysis/analyze';
import { embeddedSecretsIn } from '../../server/src/engine/secrets';
import { rangeLabel } from '../helpers';

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'emr-spark-secrets-'));
function scratchFile(name: string, content: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

/** SEC001's findings as "range = the text it covers". */
function sec001(text: string, fileName: string): string[] {
  return analyzeText(text, fileName)
    .findings.filter((f) => f.ruleId === 'SEC001')
    .map((f) => `${rangeLabel(text, f.span)} = ${text.slice(f.span.start, f.span.end)}`);
}

describe('secrets SEC001 finds inside values and outside Configurations', () => {
  test('the Kerberos attributes of a cluster request', () => {
    const text = JSON.stringify(
      {
        Name: 'kerberized',
        ReleaseLabel: 'emr-7.13.0',
        SecurityConfiguration: 'kerberos-config',
        KerberosAttributes: { Realm: 'EC2.INTERNAL', KdcAdminPassword: 'KdcAdm1n-pass', CrossRealmTrustPrincipalPassword: 'Cr0ssRealm-pass', ADDomainJoinUser: 'joiner', ADDomainJoinPassword: 'J0in-pass' },
        Configurations: [],
      },
      null,
      2,
    );
    assert.deepEqual(sec001(text, 'cluster.json'), ['7:25-7:40 = "KdcAdm1n-pass"', '8:41-8:58 = "Cr0ssRealm-pass"', '10:29-10:40 = "J0in-pass"']);
    const message = analyzeText(text, 'cluster.json').findings.find((f) => f.ruleId === 'SEC001')!.message;
    assert.match(message, /^"KdcAdminPassword" holds a password in plain text\. The request file keeps it in plain text/);
  });

  test('passwords in JDBC and LDAP URLs, -D options, a filter\'s params, Oracle thin URLs', () => {
    const lines = [
      'spark.hadoop.javax.jdo.option.ConnectionURL jdbc:sqlserver://db:1433;databaseName=hive;user=hive;password=S3cret-jdbc;encrypt=true',
      'spark.sql.catalog.pg.url jdbc:postgresql://db/hive?user=hive&password=S3cret-query&ssl=true',
      'spark.hadoop.hive.server2.authentication.ldap.url ldap://cn=admin:S3cret-ldap@ldap.example.com:389',
      'spark.executor.extraJavaOptions -XX:+UseG1GC -Djavax.net.ssl.keyStorePassword=S3cret-store -Dother=1',
      'spark.com.example.AuthFilter.params user=admin,password=S3cret-filter',
      'spark.sql.catalog.ora.url jdbc:oracle:thin:scott/S3cret-oracle@db:1521:orcl',
    ];
    const text = lines.join('\n') + '\n';
    assert.deepEqual(
      sec001(text, 'spark-defaults.conf').map((x) => x.replace(/^\S+ = /, '')),
      ['S3cret-jdbc', 'S3cret-query', 'S3cret-ldap', 'S3cret-store', 'S3cret-filter', 'S3cret-oracle'],
    );
    const messages = analyzeText(text, 'spark-defaults.conf').findings.filter((f) => f.ruleId === 'SEC001').map((f) => f.message);
    assert.match(messages[0], /The value of "spark\.hadoop\.javax\.jdo\.option\.ConnectionURL" carries a password in plain text, in its "password" setting/);
    assert.match(messages[2], /carries a password in plain text, in a URL's user information/);
  });

  test('a password given by reference in CloudFormation or Step Functions is no finding; a literal one is', () => {
    const template = [
      'Resources:',
      '  Cluster:',
      '    Type: AWS::EMR::Cluster',
      '    Properties:',
      '      Name: kerberized',
      '      ReleaseLabel: emr-7.13.0',
      '      KerberosAttributes:',
      '        Realm: EC2.INTERNAL',
      '        KdcAdminPassword: !Ref KdcPassword',
      '        CrossRealmTrustPrincipalPassword: Literal-Cfn-S3cret',
      '',
    ].join('\n');
    assert.deepEqual(sec001(template, 'template.yaml').map((x) => x.replace(/^\S+ = /, '')), ['Literal-Cfn-S3cret']);
    const task = JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::elasticmapreduce:createCluster.sync', Parameters: { Name: 'x', ReleaseLabel: 'emr-7.13.0', KerberosAttributes: { Realm: 'EC2.INTERNAL', 'KdcAdminPassword.$': '$.kdcPassword' } } });
    assert.deepEqual(sec001(task, 'task.json'), []);
  });

  test('no finding for references, pointers to a credential, URLs without a password', () => {
    for (const value of [
      'jdbc:mysql://db/hive?user=hive&password=${HIVE_PASSWORD}',
      '-Djavax.net.ssl.trustStore=/etc/pki/truststore.jks -Dpassword.file=/etc/pw',
      'ldap://ldap.example.com:389/dc=example',
      'https://user@example.com/path',
      'hadoop.security.credential.provider.path=jceks://hdfs/creds.jceks',
      'password=',
      'a=b,c=d',
      's3://bucket/key=value/password',
    ]) {
      assert.deepEqual(embeddedSecretsIn(value), [], value);
    }
  });

  test('hostile values: one pass, whatever the value', () => {
    for (const value of ['='.repeat(200_000), ':/'.repeat(100_000) + '@', 'password='.repeat(20_000), '://'.repeat(70_000), 'jdbc:oracle:thin:'.repeat(10_000)]) {
      const start = process.cpuUsage();
      embeddedSecretsIn(value);
      const used = process.cpuUsage(start);
      assert.ok((used.user + used.system) / 1000 < 1000, value.slice(0, 20));
    }
  });
});

describe('a secret is never repeated in any output', () => {
  const SECRET = '918273645501';

  test('EMR005 on a numeric password: message, fix title, text, JSON and SARIF', () => {
    const file = scratchFile('numeric.json', `[{"Classification": "hive-site", "Properties": {"javax.jdo.option.ConnectionPassword": ${SECRET}, "hive.x": 42}}]`);
    const analysis = analyzeText(`[{"Classification": "hive-site", "Properties": {"javax.jdo.option.ConnectionPassword": ${SECRET}}}]`, 'numeric.json');
    const emr005 = analysis.findings.find((f) => f.ruleId === 'EMR005')!;
    assert.equal(emr005.message, 'The value of "javax.jdo.option.ConnectionPassword" is a number; EMR only accepts strings in Properties and rejects the request. Put the value in double quotes.');
    assert.equal(emr005.fixes[0].title, 'Quote the value (not shown: the key holds a secret)');
    assert.equal(emr005.fixes[0].carriesSecret, true);
    for (const format of ['text', 'json', 'sarif']) {
      const { out, err } = run(['check', '--format', format, file]);
      assert.ok(!out.includes(SECRET) && !err.includes(SECRET), format);
    }
    // A value that is not a secret is still quoted, and its fix still printed.
    const json = JSON.parse(run(['check', '--format', 'json', file]).out);
    const fixes = json.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'EMR005').map((f: { fixes: unknown[] }) => f.fixes[0]);
    assert.deepEqual(fixes, [
      { title: 'Quote the value (not shown: the key holds a secret)', edits: [], editsOmitted: 'the edits would write a secret value of the file; apply this fix in the editor' },
      { title: 'Quote the value: "42"', edits: [{ range: { start: { line: 1, column: 112 }, end: { line: 1, column: 114 } }, newText: '"42"' }] },
    ]);
    const sarif = JSON.parse(run(['check', '--format', 'sarif', file]).out);
    assert.deepEqual(sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'EMR005').map((r: { fixes: unknown[] }) => r.fixes.length), [0, 1]);
  });

  test('EMR011 moving a secret says so without printing it, and machine output leaves the edits out', () => {
    const text = JSON.stringify([
      { Classification: 'core-site', Properties: { 'spark.authenticate.secret': 'Moved-S3cret-value' } },
      { Classification: 'spark-defaults', Properties: { 'spark.executor.cores': '4' } },
    ]);
    const analysis = analyzeText(text, 'move.json');
    const emr011 = analysis.findings.find((f) => f.ruleId === 'EMR011')!;
    assert.equal(emr011.fixes[0].title, 'Move to spark-defaults (the secret value moves with it, not shown)');
    assert.ok(emr011.fixes[0].edits.some((e) => e.newText.includes('Moved-S3cret-value')), 'the editor still gets the real edits');
    const file = scratchFile('move.json', text);
    for (const format of ['text', 'json', 'sarif']) assert.ok(!run(['check', '--format', format, file]).out.includes('Moved-S3cret-value'), format);
  });

  test('the last guard hides a secret that a rule quotes by mistake', () => {
    // EMR006 quotes both values of a repeated key unless the key looks secret; this key does not, but its value
    // is a password in a JDBC URL, found by SEC001.
    const text = 'spark.sql.catalog.pg.url jdbc:postgresql://db/x?password=Guarded-S3cret\nspark.sql.catalog.pg.url jdbc:postgresql://db/x?password=Guarded-S3cret2\n';
    const analysis = analyzeText(text, 'spark-defaults.conf');
    assert.ok(analysis.findings.some((f) => f.ruleId === 'EMR006'));
    for (const f of analysis.findings) {
      assert.ok(!f.message.includes('Guarded-S3cret'), `${f.ruleId}: ${f.message}`);
      for (const fix of f.fixes) assert.ok(!fix.title.includes('Guarded-S3cret'));
    }
  });
});

describe('output limits and file names', () => {
  test('at most 1,000 findings per file, the most severe first, and one note with the rest', () => {
    const text = 'spark.executor.cores 1.5\n'.repeat(1) + 'spark.executors.x 1\n'.repeat(3000);
    const analysis = analyzeText(text, 'spark-defaults.conf');
    assert.equal(analysis.findings.length, 1000);
    assert.ok(analysis.omittedFindings! >= 2000);
    assert.equal(analysis.findings[0].severity, 'error');
    const file = scratchFile('many.spark.conf', text);
    const out = run(['check', file]).out;
    assert.match(out, new RegExp(`many\\.spark\\.conf: ${analysis.omittedFindings!.toLocaleString('en-US')} more findings are not shown: at most 1,000 are reported per file, the most severe first\\.`));
    const json = JSON.parse(run(['check', '--format', 'json', file]).out);
    assert.equal(json.files[0].findings.length, 1000);
    assert.equal(json.files[0].omittedFindings, analysis.omittedFindings);
    const sarif = JSON.parse(run(['check', '--format', 'sarif', file]).out);
    assert.equal(sarif.runs[0].results.length, 1000);
    assert.match(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /more findings are not shown/);
  });

  test('SARIF: a backslash in a file name is a character of the name on Linux; text: a newline in a name stays on one line', () => {
    const file = scratchFile('odd\\name\nx.conf', 'spark.executors.memory 4g\n');
    const sarif = JSON.parse(run(['check', '--format', 'sarif', file]).out);
    assert.match(sarif.runs[0].artifacts[0].location.uri, /odd%5Cname%0Ax\.conf$/);
    const out = run(['check', file]).out;
    assert.equal(out.split('\n').filter((l) => l.includes('SPK001')).length, 1);
    assert.ok(out.includes('odd\\name\\u000ax.conf:1:1  warning  SPK001'));
  });

  test('Recompute is not offered for an absurd node count', () => {
    for (const count of ['1e21', '1000000000000000000000', '100001']) {
      const text = `{"ReleaseLabel": "emr-7.13.0", "Instances": {"InstanceGroups": [{"InstanceRole": "CORE", "InstanceType": "m5.xlarge", "InstanceCount": ${count}}]},
        "Configurations": [{"Classification": "spark-defaults", "Properties": {"spark.executor.memory": "40g"}}]}`;
      const fixes = analyzeText(text, 'huge.json').findings.flatMap((f) => f.fixes);
      assert.ok(!fixes.some((f) => /^Recompute/.test(f.title)), count);
      assert.ok(!fixes.some((f) => f.edits.some((e) => /e\+|Infinity|NaN/.test(e.newText))), count);
    }
  });
});
