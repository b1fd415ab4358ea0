export type GitHubErrorKind =
  | 'plan-unavailable'
  | 'permission'
  | 'unauthorized'
  | 'not-found'
  | 'validation'
  | 'too-large'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'invalid-response';

/** One line naming what was refused, for whom, with the status and GitHub's reason. */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  readonly kind: GitHubErrorKind;
  readonly status: number | undefined;

  constructor(kind: GitHubErrorKind, message: string, status?: number) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}
