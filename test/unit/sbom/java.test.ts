import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJavaArchive } from '../../../src/sbom/catalogers/java.js';
import { generateSbom, type GeneratedSbom } from '../../../src/sbom/generate.js';
import { cachedFixture, gzipLayer, imageOf, tarOf, tarOfDirectory, writeFile } from './fixtures.js';

// Three small real jars from Maven Central, each with the pom.properties Maven writes.
const ARTIFACTS = ['org.slf4j:slf4j-api:2.0.13', 'commons-io:commons-io:2.16.1', 'com.google.code.gson:gson:2.11.0'];

function localJar(coordinates: string): string {
  const [group, artifact, version] = coordinates.split(':') as [string, string, string];
  return path.join(os.homedir(), '.m2', 'repository', ...group.split('.'), artifact, version, `${artifact}-${version}.jar`);
}

/**
 * lib/: the jars as downloaded. app.jar: a Spring Boot style fat jar with the jars stored under
 * BOOT-INF/lib. app.war: the jars deflated under WEB-INF/lib. app.ear: the war inside an ear.
 * tool-1.4.0.jar: a jar with a manifest and no pom.properties. All written by the JDK's jar tool.
 */
function javaArchives(): string {
  return cachedFixture('java-archives', 'app/app.ear', (dir) => {
    for (const coordinates of ARTIFACTS) {
      execFileSync('mvn', ['-q', 'dependency:get', `-Dartifact=${coordinates}`, '-Dtransitive=false'], { stdio: 'pipe' });
      mkdirSync(`${dir}/app/lib`, { recursive: true });
      copyFileSync(localJar(coordinates), `${dir}/app/lib/${path.basename(localJar(coordinates))}`);
      for (const nest of ['boot/BOOT-INF/lib', 'web/WEB-INF/lib']) {
        mkdirSync(`${dir}/${nest}`, { recursive: true });
        copyFileSync(localJar(coordinates), `${dir}/${nest}/${path.basename(localJar(coordinates))}`);
      }
    }
    writeFile(`${dir}/boot/BOOT-INF/classes/Main.txt`, 'main\n');
    writeFile(`${dir}/web/index.html`, '<p>hi</p>\n');
    const jar = (args: string[]) => execFileSync('jar', args, { cwd: dir, stdio: 'pipe' });
    jar(['--create', '--no-compress', '--file', 'app/app.jar', '-C', 'boot', '.']);
    jar(['--create', '--file', 'app/app.war', '-C', 'web', '.']);
    mkdirSync(`${dir}/ear`, { recursive: true });
    copyFileSync(`${dir}/app/app.war`, `${dir}/ear/app.war`);
    writeFile(`${dir}/tool/manifest.txt`, 'Implementation-Title: tool\nImplementation-Version: 1.4.0\nBundle-SymbolicName: org.example.tool\nBundle-License: Apache-2.0\n');
    writeFile(`${dir}/tool/classes/Tool.txt`, 'tool\n');
    jar(['--create', '--file', 'app/tool-1.4.0.jar', '--manifest', 'tool/manifest.txt', '-C', 'tool/classes', '.']);
    jar(['--create', '--file', 'app/app.ear', '-C', 'ear', '.']);
  });
}

/** group/artifact@version of every pom.properties `unzip` finds in a jar. */
function pomPropertiesOf(jarFile: string): string[] {
  const listing = execFileSync('unzip', ['-Z1', jarFile], { encoding: 'utf8' }).split('\n');
  return listing
    .filter((name) => /^META-INF\/maven\/.+\/pom\.properties$/.test(name))
    .map((name) => {
      const text = execFileSync('unzip', ['-p', jarFile, name], { encoding: 'utf8' });
      const field = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(text)?.[1]?.trim();
      return `${field('groupId')}/${field('artifactId')}@${field('version')}`;
    });
}

const coordinatesOf = (sbom: GeneratedSbom, pathPrefix: string) =>
  sbom.packages
    .filter((pkg) => pkg.type === 'java-archive' && pkg.path.startsWith(pathPrefix))
    .map((pkg) => pkg.purl.replace(/^pkg:maven\//, ''))
    .sort();

describe('Java cataloguer on real jars from Maven Central', () => {
  let dir: string;
  let expected: string[];

  beforeAll(() => {
    dir = javaArchives();
    expected = ARTIFACTS.flatMap((coordinates) => pomPropertiesOf(localJar(coordinates))).sort();
  }, 300_000);

  it('reads groupId, artifactId and version from each jar’s pom.properties', async () => {
    expect(expected).toEqual(['com.google.code.gson/gson@2.11.0', 'commons-io/commons-io@2.16.1', 'org.slf4j/slf4j-api@2.0.13']);
    const layer = gzipLayer(tarOfDirectory(dir, ['app/lib']));
    const sbom = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(coordinatesOf(sbom, '/app/lib/')).toEqual(expected);
    expect(sbom.warnings).toEqual([]);
    const gson = sbom.packages.find((pkg) => pkg.name === 'gson');
    expect(gson).toMatchObject({ purl: 'pkg:maven/com.google.code.gson/gson@2.11.0', path: '/app/lib/gson-2.11.0.jar', licenses: 'Apache-2.0' });
    expect(sbom.packages.find((pkg) => pkg.name === 'slf4j-api')?.licenses).toBe('MIT');
  });

  for (const [archive, nest] of [['app.jar', 'BOOT-INF/lib'], ['app.war', 'WEB-INF/lib']]) {
    it(`finds every jar nested under ${nest} of ${archive}, at its path inside the archive`, () => {
      const record = parseJavaArchive(readFileSync(`${dir}/app/${archive}`), `/app/${archive}`);
      expect(record.problems).toEqual([]);
      const found = record.artifacts.map((a) => `${a.groupId}/${a.artifactId}@${a.version}`).sort();
      expect(found).toEqual(expected);
      expect(record.artifacts.find((a) => a.artifactId === 'commons-io')?.innerPath).toBe(`${nest}/commons-io-2.16.1.jar`);
    });
  }

  it('reads jars nested two levels deep, inside the war inside the ear', async () => {
    const layer = gzipLayer(tarOfDirectory(dir, ['app/app.ear']));
    const sbom = await generateSbom(imageOf([layer]), { format: 'cyclonedx-json' });
    expect(coordinatesOf(sbom, '/app/app.ear:app.war:WEB-INF/lib/')).toEqual(expected);
  });

  it('catalogues an executable jar, which the binary scanners read as well', async () => {
    const jar = readFileSync(`${dir}/app/app.jar`);
    const layer = gzipLayer(await tarOf([{ name: 'app/app.jar', mode: 0o755, content: jar }]));
    const sbom = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(coordinatesOf(sbom, '/app/app.jar:BOOT-INF/lib/')).toEqual(expected);
    expect(sbom.warnings).toEqual([]);
  });

  it('names a jar without pom.properties from its file name and manifest', () => {
    const record = parseJavaArchive(readFileSync(`${dir}/app/tool-1.4.0.jar`), '/opt/tool-1.4.0.jar');
    expect(record.artifacts).toEqual([{ groupId: 'org.example', artifactId: 'tool', version: '1.4.0', license: 'Apache-2.0', innerPath: '' }]);
  });

  it('takes the artifact id from the file name, not the manifest title, when the name has no version', () => {
    const record = parseJavaArchive(readFileSync(`${dir}/app/tool-1.4.0.jar`), '/usr/lib/jvm/lib/jrt-fs.jar');
    expect(record.artifacts.map(({ artifactId, version }) => `${artifactId}@${version}`)).toEqual(['jrt-fs@1.4.0']);
  });

  it('warns about an archive that is not a ZIP and about a nested jar that is cut short, and keeps the rest', async () => {
    const war = readFileSync(`${dir}/app/app.war`);
    const layer = gzipLayer(
      await tarOf([
        { name: 'opt/broken.jar', content: 'not a zip at all' },
        { name: 'opt/app.war', content: war },
      ]),
    );
    const sbom = await generateSbom(imageOf([layer]), { format: 'spdx-json' });
    expect(sbom.warnings).toEqual([expect.stringMatching(/skipped \/opt\/broken\.jar: it is not a ZIP archive/)]);
    expect(coordinatesOf(sbom, '/opt/app.war:')).toEqual(expected);

    const truncated = Buffer.from(readFileSync(localJar(ARTIFACTS[1] as string)).subarray(0, 4096));
    expect(() => parseJavaArchive(truncated, '/x.jar')).toThrow(/not a ZIP archive/);
  });

  it('refuses a metadata entry that inflates past its cap, as a zip bomb would, and reads the rest', () => {
    const bomb = execFileSync(
      'sh',
      ['-c', 'd=$(mktemp -d) && cd "$d" && mkdir -p META-INF/maven/x/y && head -c 4194304 /dev/zero > META-INF/maven/x/y/pom.properties && cp "$1" . && zip -q -r bomb.jar META-INF "${1##*/}" && cat bomb.jar && rm -r "$d"', 'sh', localJar(ARTIFACTS[0] as string)],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    expect(bomb.length).toBeLessThan(200 * 1024);
    const record = parseJavaArchive(bomb, '/bomb.jar');
    expect(record.problems).toEqual(['META-INF/maven/x/y/pom.properties inflates past the 1048576-byte cap']);
    expect(record.artifacts.map((a) => `${a.groupId}/${a.artifactId}@${a.version}`)).toEqual(['org.slf4j/slf4j-api@2.0.13']);
  });

  it('stops at the nesting depth cap with a warning instead of descending further', () => {
    const ear = readFileSync(`${dir}/app/app.ear`);
    const deeper = execFileSync('sh', ['-c', `d=$(mktemp -d) && cp "$1" "$d/inner.ear" && cd "$d" && jar --create --file outer.ear inner.ear && cat outer.ear && rm -r "$d"`, 'sh', `${dir}/app/app.ear`], { maxBuffer: 64 * 1024 * 1024 });
    expect(deeper.length).toBeGreaterThan(ear.length);
    const record = parseJavaArchive(deeper, '/outer.ear');
    expect(record.artifacts).toEqual([]);
    expect(record.problems).toEqual([expect.stringMatching(/^inner\.ear:app\.war: archives nested deeper than 3 levels were not read$/)]);
  });
});
