import type { BrowserContext, Page } from 'playwright-core';

/** What went wrong on one page while it loaded. */
export interface PageIssues {
  /** Requests for anything not on the test server (or data:/blob:). */
  readonly offSiteRequests: string[];
  /** console.error messages and uncaught exceptions. */
  readonly consoleErrors: string[];
  /** Content-Security-Policy violations reported by the page. */
  readonly cspViolations: string[];
}

interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

declare global {
  interface Window {
    __reportCspViolation?: (violation: CspViolation) => void;
  }
}

/** Records off-site requests, console errors and CSP violations on every page of a context. */
export class IssueRecorder {
  private readonly issues = new WeakMap<Page, PageIssues>();

  private constructor(private readonly origin: string) {}

  /** Attaches a recorder to a context; call before opening pages in it. */
  static async attach(context: BrowserContext, origin: string): Promise<IssueRecorder> {
    const recorder = new IssueRecorder(origin);
    // CSP violations are DOM events; a binding carries them out of the page as they happen.
    await context.exposeBinding('__reportCspViolation', ({ page }, violation: CspViolation) => {
      recorder.for(page).cspViolations.push(
        `${violation.directive} blocked ${violation.blocked || 'inline code'} (${violation.source}:${violation.line}) ${violation.sample}`.trim(),
      );
    });
    await context.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (event) =>
          window.__reportCspViolation?.({
            directive: event.effectiveDirective,
            blocked: event.blockedURI,
            source: event.sourceFile,
            line: event.lineNumber,
            sample: event.sample,
          }),
        true,
      );
    });
    context.on('page', (page) => recorder.watch(page));
    for (const page of context.pages()) recorder.watch(page);
    return recorder;
  }

  /** Returns and clears what was recorded on a page since the last call. */
  take(page: Page): PageIssues {
    const issues = this.for(page);
    this.issues.delete(page);
    return issues;
  }

  private watch(page: Page): void {
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${this.origin}/`) && !/^(?:data|blob):/.test(url)) this.for(page).offSiteRequests.push(url);
    });
    page.on('websocket', (socket) => this.for(page).offSiteRequests.push(socket.url()));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      this.for(page).consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => this.for(page).consoleErrors.push(`uncaught ${error.name}: ${error.message}`));
  }

  private for(page: Page): PageIssues {
    let issues = this.issues.get(page);
    if (!issues) {
      issues = { offSiteRequests: [], consoleErrors: [], cspViolations: [] };
      this.issues.set(page, issues);
    }
    return issues;
  }
}
