import { describe, expect, it } from 'vitest';
import { allOf, toSpdxExpression } from '../../../src/sbom/license-expression.js';

describe('licence expressions', () => {
  it('maps Debian short names and old SPDX forms to current SPDX ids', () => {
    expect(toSpdxExpression('GPL-2+')).toBe('GPL-2.0-or-later');
    expect(toSpdxExpression('Expat')).toBe('MIT');
    expect(toSpdxExpression('bsd-3-clause')).toBe('BSD-3-Clause');
    expect(toSpdxExpression('GPL-3+ with Bison exception')).toBe('GPL-3.0-or-later WITH Bison-exception-2.2');
  });

  it('keeps operators and parentheses of an npm-style expression', () => {
    expect(toSpdxExpression('(MIT OR Apache-2.0) AND BSD-2-Clause')).toBe('(MIT OR Apache-2.0) AND BSD-2-Clause');
  });

  it('gives nothing for text that is not an expression of known ids', () => {
    expect(toSpdxExpression('permissive')).toBeUndefined();
    expect(toSpdxExpression('MIT OR')).toBeUndefined();
    expect(toSpdxExpression('(MIT')).toBeUndefined();
    expect(toSpdxExpression('See LICENSE file')).toBeUndefined();
  });

  it('joins licences that all apply, once each and in a stable order', () => {
    expect(allOf(['MIT', 'GPL-2.0-only OR MIT', 'MIT'])).toBe('(GPL-2.0-only OR MIT) AND MIT');
    expect(allOf([])).toBeUndefined();
  });
});
