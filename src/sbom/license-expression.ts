// The SPDX ids that package metadata in Debian, Alpine, PyPI and npm commonly carries. A token that
// is neither one of these nor a known alias makes the whole expression undefined rather than guessed.
const SPDX_IDS = [
  '0BSD', 'AFL-2.1', 'AFL-3.0', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Apache-1.0', 'Apache-1.1', 'Apache-2.0',
  'APSL-2.0', 'Artistic-1.0', 'Artistic-1.0-Perl', 'Artistic-2.0', 'Beerware', 'BlueOak-1.0.0', 'BSD-1-Clause',
  'BSD-2-Clause', 'BSD-2-Clause-Patent', 'BSD-3-Clause', 'BSD-3-Clause-Clear', 'BSD-4-Clause', 'BSD-4-Clause-UC',
  'BSL-1.0', 'bzip2-1.0.6', 'CC-BY-3.0', 'CC-BY-4.0', 'CC-BY-SA-3.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'CDDL-1.0',
  'CDDL-1.1', 'CECILL-2.1', 'curl', 'EPL-1.0', 'EPL-2.0', 'EUPL-1.1', 'EUPL-1.2', 'FSFAP', 'FSFUL', 'FSFULLR',
  'FTL', 'GFDL-1.1-only', 'GFDL-1.1-or-later', 'GFDL-1.2-only', 'GFDL-1.2-or-later', 'GFDL-1.3-only',
  'GFDL-1.3-or-later', 'GPL-1.0-only', 'GPL-1.0-or-later', 'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only',
  'GPL-3.0-or-later', 'HPND', 'ICU', 'IJG', 'Info-ZIP', 'IPL-1.0', 'ISC', 'LGPL-2.0-only', 'LGPL-2.0-or-later',
  'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'Libpng', 'libpng-2.0', 'libtiff',
  'MirOS', 'MIT', 'MIT-0', 'MIT-CMU', 'MPL-1.1', 'MPL-2.0', 'MPL-2.0-no-copyleft-exception', 'MS-PL', 'NCSA',
  'NTP', 'OFL-1.1', 'OLDAP-2.8', 'OpenSSL', 'PHP-3.01', 'PostgreSQL', 'PSF-2.0', 'Python-2.0', 'Ruby', 'Sleepycat',
  'TCL', 'Unicode-3.0', 'Unicode-DFS-2015', 'Unicode-DFS-2016', 'Unlicense', 'UPL-1.0', 'Vim', 'W3C', 'WTFPL',
  'X11', 'Xnet', 'Zlib', 'ZPL-2.1',
];

const EXCEPTION_IDS = [
  'Autoconf-exception-2.0', 'Autoconf-exception-3.0', 'Bison-exception-2.2', 'Classpath-exception-2.0',
  'GCC-exception-2.0', 'GCC-exception-3.1', 'LLVM-exception', 'OpenJDK-assembly-exception-1.0',
];

// Debian's DEP-5 short names and the old SPDX forms, lower-cased.
const ALIASES: Record<string, string> = {
  expat: 'MIT',
  'gpl-1': 'GPL-1.0-only', 'gpl-1+': 'GPL-1.0-or-later', 'gpl-1.0+': 'GPL-1.0-or-later', 'gpl-1.0': 'GPL-1.0-only',
  'gpl-2': 'GPL-2.0-only', 'gpl-2+': 'GPL-2.0-or-later', 'gpl-2.0': 'GPL-2.0-only', 'gpl-2.0+': 'GPL-2.0-or-later',
  'gpl-3': 'GPL-3.0-only', 'gpl-3+': 'GPL-3.0-or-later', 'gpl-3.0': 'GPL-3.0-only', 'gpl-3.0+': 'GPL-3.0-or-later',
  'lgpl-2': 'LGPL-2.0-only', 'lgpl-2+': 'LGPL-2.0-or-later', 'lgpl-2.0': 'LGPL-2.0-only', 'lgpl-2.0+': 'LGPL-2.0-or-later',
  'lgpl-2.1': 'LGPL-2.1-only', 'lgpl-2.1+': 'LGPL-2.1-or-later', 'lgpl-3': 'LGPL-3.0-only', 'lgpl-3+': 'LGPL-3.0-or-later',
  'lgpl-3.0': 'LGPL-3.0-only', 'lgpl-3.0+': 'LGPL-3.0-or-later', 'agpl-3': 'AGPL-3.0-only', 'agpl-3+': 'AGPL-3.0-or-later',
  'agpl-3.0': 'AGPL-3.0-only', 'agpl-3.0+': 'AGPL-3.0-or-later',
  'gfdl-1.2': 'GFDL-1.2-only', 'gfdl-1.2+': 'GFDL-1.2-or-later', 'gfdl-1.3': 'GFDL-1.3-only', 'gfdl-1.3+': 'GFDL-1.3-or-later',
  'gfdl-niv-1.2': 'GFDL-1.2-no-invariants-only', 'gfdl-niv-1.2+': 'GFDL-1.2-no-invariants-or-later',
  'gfdl-niv-1.3': 'GFDL-1.3-no-invariants-only', 'gfdl-niv-1.3+': 'GFDL-1.3-no-invariants-or-later',
  // An unversioned GPL or LGPL lets the user pick any version ever published.
  gpl: 'GPL-1.0-or-later', lgpl: 'LGPL-2.0-or-later',
  artistic: 'Artistic-1.0', 'artistic-1': 'Artistic-1.0', 'artistic-2': 'Artistic-2.0',
  'bsd-2-clause-freebsd': 'BSD-2-Clause', 'bsd-2': 'BSD-2-Clause', 'bsd-3': 'BSD-3-Clause', 'bsd-4': 'BSD-4-Clause',
  'mpl-1.1+': 'MPL-1.1', 'mpl-2.0+': 'MPL-2.0', 'psf-2': 'PSF-2.0', python: 'Python-2.0', 'zlib/libpng': 'Zlib',
  'apache-2': 'Apache-2.0', 'apache 2.0': 'Apache-2.0', 'apache license 2.0': 'Apache-2.0', 'mit license': 'MIT',
  cc0: 'CC0-1.0', zpl: 'ZPL-2.1',
};

// DEP-5 writes "GPL-3+ with Bison exception".
const DEP5_EXCEPTIONS: Record<string, string> = {
  bison: 'Bison-exception-2.2',
  classpath: 'Classpath-exception-2.0',
  llvm: 'LLVM-exception',
};

const BY_LOWER = new Map<string, string>([
  ...SPDX_IDS.map((id): [string, string] => [id.toLowerCase(), id]),
  ...Object.entries(ALIASES),
]);
const EXCEPTIONS = new Map(EXCEPTION_IDS.map((id): [string, string] => [id.toLowerCase(), id]));

export function toSpdxLicenseId(name: string): string | undefined {
  return BY_LOWER.get(name.trim().toLowerCase());
}

type Token = { kind: 'id' | 'op' | 'open' | 'close'; text: string };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (const raw of text.replace(/([()])/g, ' $1 ').split(/\s+/).filter(Boolean)) {
    const lower = raw.toLowerCase();
    if (raw === '(') tokens.push({ kind: 'open', text: '(' });
    else if (raw === ')') tokens.push({ kind: 'close', text: ')' });
    else if (lower === 'and' || lower === 'or' || lower === 'with') tokens.push({ kind: 'op', text: lower.toUpperCase() });
    else {
      const previous = tokens[tokens.length - 1];
      const id = previous?.text === 'WITH' ? EXCEPTIONS.get(lower) : toSpdxLicenseId(raw);
      if (!id) return undefined;
      tokens.push({ kind: 'id', text: id });
    }
  }
  return tokens;
}

/**
 * Turns a licence field into an SPDX expression: ids are normalised ("GPL-2+" -> GPL-2.0-or-later,
 * "Expat" -> MIT), operators upper-cased; anything not understood gives undefined.
 */
export function toSpdxExpression(text: string | undefined): string | undefined {
  if (!text || text.trim() === '') return undefined;
  const dep5Exceptions = text.replace(/\bwith\s+(\S+)\s+exception\b/gi, (whole, name: string) => {
    const id = DEP5_EXCEPTIONS[name.toLowerCase()];
    return id ? `WITH ${id}` : whole;
  });
  const tokens = tokenize(dep5Exceptions.replace(/,\s*(or|and)\s/gi, ' $1 '));
  if (!tokens || tokens.length === 0) return undefined;
  let depth = 0;
  let expectOperand = true;
  for (const token of tokens) {
    if (token.kind === 'open') {
      if (!expectOperand) return undefined;
      depth++;
    } else if (token.kind === 'close') {
      if (expectOperand || --depth < 0) return undefined;
    } else if (token.kind === 'op') {
      if (expectOperand) return undefined;
      expectOperand = true;
    } else {
      if (!expectOperand) return undefined;
      expectOperand = false;
    }
  }
  if (depth !== 0 || expectOperand) return undefined;
  return tokens.map((token) => token.text).join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}

function combine(expressions: Iterable<string>, operator: 'AND' | 'OR'): string | undefined {
  const distinct = [...new Set(expressions)].sort();
  if (distinct.length <= 1) return distinct[0];
  return distinct.map((expression) => (/\s/.test(expression) ? `(${expression})` : expression)).join(` ${operator} `);
}

/** Licence expressions that all apply, joined with AND, each parenthesised when compound. */
export function allOf(expressions: Iterable<string>): string | undefined {
  return combine(expressions, 'AND');
}

/** Licence expressions offered as alternatives, joined with OR. */
export function anyOf(expressions: Iterable<string>): string | undefined {
  return combine(expressions, 'OR');
}
