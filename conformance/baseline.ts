/**
 * @module conformance/baseline
 * A known-failures file for CI adoption (`--baseline FILE`): the checks listed may fail without
 * failing the run. Three forms are read: a JSON report of an earlier run (`--format json`; its
 * failed checks are the baseline), a JSON array of check ids, or text with one id per line and
 * `#` comments.
 */

export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** The check ids the baseline lists; `file` names it in errors. */
export function readBaseline(text: string, file: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new BaselineError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    if (Array.isArray(parsed)) {
      const bad = parsed.findIndex((id) => typeof id !== 'string');
      if (bad >= 0) throw new BaselineError(`${file}: /${bad}: expected a check id (string)`);
      return parsed as string[];
    }
    const checks = (parsed as { checks?: unknown }).checks;
    if (!Array.isArray(checks)) throw new BaselineError(`${file}: expected a JSON report (with "checks"), an array of check ids or one id per line`);
    return checks
      .filter((c): c is { id: string; status: string } => typeof c === 'object' && c !== null && typeof (c as { id?: unknown }).id === 'string')
      .filter((c) => c.status === 'failed')
      .map((c) => c.id);
  }
  return trimmed.split(/\r?\n/).map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);
}
