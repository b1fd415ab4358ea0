/** One challenge of a `WWW-Authenticate` header (RFC 7235): scheme lowercased, parameter names lowercased. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

class Scanner {
  private index = 0;

  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.index >= this.text.length;
  }

  peek(): string {
    return this.text[this.index] ?? '';
  }

  skip(chars: RegExp): void {
    while (!this.done && chars.test(this.peek())) this.index += 1;
  }

  token(): string {
    const start = this.index;
    this.skip(TOKEN_CHAR);
    return this.text.slice(start, this.index);
  }

  /** Unquoted values: lenient, as some servers leave URLs unquoted. */
  bare(): string {
    const start = this.index;
    this.skip(/[^\s,]/);
    return this.text.slice(start, this.index);
  }

  quoted(): string {
    this.index += 1;
    let value = '';
    while (!this.done && this.peek() !== '"') {
      if (this.peek() === '\\') this.index += 1;
      value += this.peek();
      this.index += 1;
    }
    this.index += 1;
    return value;
  }

  /** Whether a `name=` parameter (not a new scheme) starts here. */
  atParameter(): boolean {
    const rest = this.text.slice(this.index);
    return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*=/.test(rest) && !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+=+[ \t]*(,|$)/.test(rest);
  }

  atToken68(): boolean {
    return /^[A-Za-z0-9\-._~+/]+=*[ \t]*(,|$)/.test(this.text.slice(this.index));
  }

  advance(): void {
    this.index += 1;
  }
}

export function parseChallenges(header: string | null | undefined): Challenge[] {
  if (!header) return [];
  const scanner = new Scanner(header);
  const challenges: Challenge[] = [];
  while (!scanner.done) {
    scanner.skip(/[\s,]/);
    const scheme = scanner.token();
    if (scheme === '') {
      scanner.advance();
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    scanner.skip(/[ \t]/);
    if (scanner.atToken68()) {
      // A token68 (`Basic abc==`) carries nothing a registry client uses.
      scanner.skip(/[A-Za-z0-9\-._~+/=]/);
      continue;
    }
    while (!scanner.done) {
      scanner.skip(/[\s,]/);
      if (!scanner.atParameter()) break;
      const name = scanner.token().toLowerCase();
      scanner.skip(/[ \t]/);
      scanner.advance();
      scanner.skip(/[ \t]/);
      challenge.params[name] = scanner.peek() === '"' ? scanner.quoted() : scanner.bare();
    }
  }
  return challenges;
}
