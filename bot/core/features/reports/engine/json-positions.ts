/**
 * A small JSON scanner that knows where things are. Node 20's JSON.parse errors carry no position,
 * and schema errors come as key paths; operators need line numbers for both.
 * JSON.parse stays the authority on the value; this only reports positions.
 */

export interface Position {
  line: number;
  column: number;
}

export type JsonPath = (string | number)[];

export type Located = { ok: true; positions: Map<string, Position> } | { ok: false; message: string; position: Position };

export const pathKey = (path: JsonPath): string => JSON.stringify(path);

class Scanner {
  private i = 0;
  readonly positions = new Map<string, Position>();
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let k = 0; k < text.length; k++) if (text[k] === "\n") this.lineStarts.push(k + 1);
  }

  at(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  fail(message: string, offset = this.i): never {
    throw new ScanError(message, this.at(offset));
  }

  private ws() {
    while (this.i < this.text.length && " \t\r\n".includes(this.text[this.i]!)) this.i++;
  }

  private describe(): string {
    return this.i >= this.text.length ? "end of file" : `'${this.text[this.i]}'`;
  }

  document() {
    this.ws();
    this.value([]);
    this.ws();
    if (this.i < this.text.length) this.fail(`unexpected ${this.describe()} after the end of the JSON value`);
  }

  private value(path: JsonPath) {
    this.ws();
    if (!this.positions.has(pathKey(path))) this.positions.set(pathKey(path), this.at(this.i));
    const c = this.text[this.i];
    if (c === "{") return this.object(path);
    if (c === "[") return this.array(path);
    if (c === '"') return void this.string();
    const literal = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    literal.lastIndex = this.i;
    const m = literal.exec(this.text);
    if (m && m[0] !== "") {
      this.i += m[0].length;
      return;
    }
    this.fail(c === "'" ? "strings must use double quotes" : `unexpected ${this.describe()}, a value was expected`);
  }

  private object(path: JsonPath) {
    this.i++;
    this.ws();
    if (this.text[this.i] === "}") return void this.i++;
    for (;;) {
      this.ws();
      if (this.text[this.i] !== '"') this.fail(this.text[this.i] === "}" ? "trailing comma before '}'" : `unexpected ${this.describe()}, a "key" in double quotes was expected`);
      const keyAt = this.i;
      const key = this.string();
      this.positions.set(pathKey([...path, key]), this.at(keyAt));
      this.ws();
      if (this.text[this.i] !== ":") this.fail(`expected ':' after the key "${key}", found ${this.describe()}`);
      this.i++;
      this.valueAfterKey([...path, key]);
      this.ws();
      if (this.text[this.i] === ",") {
        this.i++;
        continue;
      }
      if (this.text[this.i] === "}") return void this.i++;
      this.fail(`expected ',' or '}' after the value of "${key}", found ${this.describe()} (missing comma?)`);
    }
  }

  /** The key's line is already recorded for this path; the value must not overwrite it. */
  private valueAfterKey(path: JsonPath) {
    const key = pathKey(path);
    const keep = this.positions.get(key);
    this.value(path);
    if (keep) this.positions.set(key, keep);
  }

  private array(path: JsonPath) {
    this.i++;
    this.ws();
    if (this.text[this.i] === "]") return void this.i++;
    for (let k = 0; ; k++) {
      this.ws();
      if (this.text[this.i] === "]") this.fail("trailing comma before ']'");
      this.value([...path, k]);
      this.ws();
      if (this.text[this.i] === ",") {
        this.i++;
        continue;
      }
      if (this.text[this.i] === "]") return void this.i++;
      this.fail(`expected ',' or ']' in a list, found ${this.describe()} (missing comma?)`);
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    let out = "";
    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === "\n") this.fail("unterminated string (a line break inside quotes must be written \\n)", start);
      if (c < " ") this.fail("control character inside a string");
      if (c === "\\") {
        const e = this.text[this.i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.fail("bad \\u escape");
          out += String.fromCharCode(parseInt(this.text.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail(`bad escape \\${e ?? ""}`);
        out += ({ b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" } as Record<string, string>)[e] ?? e;
        this.i += 2;
        continue;
      }
      out += c;
      this.i++;
    }
    return this.fail("unterminated string", start);
  }
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

export function locate(text: string): Located {
  const s = new Scanner(text);
  try {
    s.document();
    return { ok: true, positions: s.positions };
  } catch (e) {
    if (e instanceof ScanError) return { ok: false, message: e.message, position: e.position };
    throw e;
  }
}

/** The line of `path`, or of its nearest ancestor that exists (a missing key points at its object). */
export function lineOf(positions: Map<string, Position>, path: JsonPath): number | undefined {
  for (let p = [...path]; ; p = p.slice(0, -1)) {
    const found = positions.get(pathKey(p));
    if (found) return found.line;
    if (p.length === 0) return undefined;
  }
}
