export const id = 896;
export const ids = [896];
export const modules = {

/***/ 1896:
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

;// CONCATENATED MODULE: ./src/config/types.ts
const DEFAULT_CONFIG = {
    include: [],
    exclude: [],
    kinds: [],
    subjects: [],
    requests: [],
    auto: true,
    failOn: 'never',
    maxRequestsPerSubject: 200_000
};

;// CONCATENATED MODULE: ./src/config/parse-config.ts
// parseConfig: the review configuration (`.github/iam-policy-diff.yml`, YAML or JSON) →
// ReviewConfig. Never throws on user input: every problem is a located `config-invalid` error,
// and the config returned is DEFAULT_CONFIG with the valid parts applied (docs/CONFIGURATION.md).





const CONFIG_KEYS = ['policies', 'subjects', 'requests', 'auto', 'fail-on', 'max-requests'];
const FAIL_ON = ['broadened', 'any', 'never'];
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
        config.failOn = readEnum(failOn, 'fail-on', FAIL_ON, reporter) ?? config.failOn;
    const max = node('max-requests');
    if (max !== undefined) {
        config.maxRequestsPerSubject =
            readPositiveInteger(max, 'max-requests', reporter) ?? config.maxRequestsPerSubject;
    }
    return config;
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
 * Whether the report matches `fail-on`. A file that could not be reviewed (invalid policy, git
 * failure) counts as a possible broadening: a gate must not pass what it could not read.
 */
function shouldFail(report, failOn) {
    switch (failOn) {
        case 'never':
            return false;
        case 'broadened':
            return report.summary.broadened > 0 || unreviewedCount(report) > 0;
        case 'any':
            return report.changes.length > 0 || unreviewedCount(report) > 0;
    }
}

;// CONCATENATED MODULE: ./src/render/groups.ts
// Many actions with the same change fold into one row: same file, kind, resource, principal,
// context, decisions and deciding statements, so the row's every other column is exact for each
// action in it. The label (`sts:*`, `iotsitewise:List*`) summarises; the list is one click away.

function groupChanges(changes) {
    const groups = new Map();
    for (const change of changes) {
        const key = groupKey(change);
        const group = groups.get(key);
        if (group)
            group.actions.push(change.action);
        else
            groups.set(key, { first: change, actions: [change.action] });
    }
    const result = [...groups.values()].map(({ first, actions }) => {
        const sorted = [...new Set(actions)].sort(compareText);
        return {
            kind: first.kind,
            file: first.file,
            subject: first.subject,
            resource: first.resource,
            principal: first.principal,
            context: first.context,
            before: first.before,
            after: first.after,
            actions: sorted,
            label: actionLabel(sorted)
        };
    });
    return result.sort(compareGroups);
}
function groupKey(c) {
    const refs = (s) => s.determining.map(refKey).join(',');
    return JSON.stringify([
        c.kind,
        c.file,
        c.subject ?? null,
        c.resource,
        c.principal,
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
/**
 * One action: itself. Several: per service `svc:` + the names' common prefix + `*` + their
 * common suffix, e.g. `sts:*`, `s3:Get*`, `iam:*AccessKey`; more than three services: `N services`.
 */
function actionLabel(actions) {
    if (actions.length === 1)
        return actions[0] ?? '';
    const byService = new Map();
    for (const action of actions) {
        const colon = action.indexOf(':');
        const service = colon < 0 ? action : action.slice(0, colon);
        byService.set(service, [...(byService.get(service) ?? []), action.slice(colon + 1)]);
    }
    if (byService.size > 3)
        return `${byService.size} services`;
    return [...byService]
        .map(([service, names]) => names.length === 1 ? `${service}:${names[0] ?? ''}` : `${service}:${wildcardFor(names)}`)
        .join(', ');
}
/** `Get*`, `*AccessKey`, `List*`: common prefix and suffix, cut at CamelCase word boundaries. */
function wildcardFor(names) {
    let prefix = commonPrefix(names);
    // mid-word (`GetO*` for GetObject and GetOwnership): back to the start of that word
    if (names.some((name) => isLower(name.charAt(prefix.length))))
        prefix = prefix.slice(0, lastUpper(prefix));
    const rest = names.map((name) => [...name.slice(prefix.length)].reverse().join(''));
    let suffix = [...commonPrefix(rest)].reverse().join('');
    // a suffix starts a word (`*AccessKey`, not `*teAccessKey` or `*s`)
    const start = [...suffix].findIndex((ch) => ch !== ch.toLowerCase());
    suffix = start < 0 ? '' : suffix.slice(start);
    return `${prefix}*${suffix}`;
}
function isLower(ch) {
    return ch !== '' && ch !== ch.toUpperCase();
}
/** Index of the last uppercase letter (0 when none). */
function lastUpper(text) {
    for (let i = text.length - 1; i >= 0; i--) {
        const ch = text.charAt(i);
        if (ch !== ch.toLowerCase())
            return i;
    }
    return 0;
}
/** Case-insensitive common prefix, spelled as in the first name. */
function commonPrefix(names) {
    let prefix = names[0] ?? '';
    for (const name of names) {
        let i = 0;
        while (i < prefix.length &&
            i < name.length &&
            prefix[i]?.toLowerCase() === name[i]?.toLowerCase())
            i++;
        prefix = prefix.slice(0, i);
    }
    return prefix;
}
function compareGroups(a, b) {
    return (CHANGE_KIND_ORDER.indexOf(a.kind) - CHANGE_KIND_ORDER.indexOf(b.kind) ||
        compareText(a.file, b.file) ||
        compareText(a.actions[0] ?? '', b.actions[0] ?? '') ||
        compareText(a.resource, b.resource) ||
        compareText(a.principal, b.principal) ||
        compareText(JSON.stringify(a.context), JSON.stringify(b.context)));
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/render/markdown.ts
// GitHub-flavoured Markdown building blocks. Every user string (file names, Sids, ARNs,
// condition values, diagnostic text) goes through one of these escapes, chosen by where it
// lands: inline Markdown (paragraphs, list items, table cells) or a raw HTML block (a line
// starting with `<details>`, where Markdown is not parsed). Plus a size budget that counts both
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
/**
 * An inline code span that shows `text` literally: a backtick fence longer than any backtick
 * run inside, padding when needed. Code spans are never scanned for @mentions, #references,
 * emphasis, links or HTML. In a GFM table cell `|` must be escaped (the table is split before
 * code spans are read, and `\\|` then becomes `|`); elsewhere the backslash would show.
 */
function codeSpan(text, options = {}) {
    const shown = visibleControls(text);
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
/** Text for an HTML context: entities for `& < > " '`, controls made visible. */
function escapeHtml(text) {
    return visibleControls(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
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
    return visibleControls(text)
        .replace(/[\\`*_{}[\]()+\-.!|~]/g, (ch) => `\\${ch}`)
        .replace(/[&<>]/g, (ch) => HTML_ESCAPES[ch] ?? ch)
        .replace(/[@#]/g, (ch) => `${ch}&#8203;`);
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
/** A fenced code block that no line of `text` can close early. */
function fencedBlock(text, info = 'text') {
    const longestRun = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return `${fence}${info}\n${text}\n${fence}`;
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
function fileSection(file, groups) {
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
            `${g.before.effect} → **${g.after.effect}**`,
            actionsCell(g),
            cellCode(g.resource),
            ...(withPrincipal ? [cellCode(g.principal)] : []),
            ...(withSubject ? [g.subject === undefined ? '' : cellCode(g.subject)] : []),
            contextCell(g.context),
            decidingCell(g, file.file)
        ];
        return tableRow(cells);
    });
    return {
        head: `#### ${headIcon(file)} ${codeSpan(file.file)}\n\n${fileFacts(file)}`,
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
    if (g.actions.length === 1)
        return cellCode(first);
    const list = g.actions.map(cellCode).join(' ');
    return `<details><summary>${cellCode(g.label)} (${plural(g.actions.length, 'action')})</summary>${list}</details>`;
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
function decidingCell(g, file) {
    if (g.after.determining.length > 0)
        return refsText(g.after, file);
    if (g.before.determining.length > 0)
        return `was ${refsText(g.before, file)}`;
    return 'no statement applies';
}
function refsText(summary, file) {
    return summary.determining.map((ref) => statementRef(ref, file)).join(', ');
}
/** `Sid` line 14 (in `other.json`), for a table cell. */
function statementRef(ref, file) {
    const name = ref.sid === undefined ? cellCode(`Statement[${ref.statementIndex}]`) : cellCode(ref.sid);
    const where = ref.file === file ? '' : ` in ${cellCode(ref.file)}`;
    return `${name} line ${ref.line}${where}`;
}
function patchLine(op) {
    const value = op.value === undefined ? '' : ` ${JSON.stringify(op.value)}`;
    const from = op.from === undefined ? '' : ` from ${op.from}`;
    return `${op.op} ${op.path}${from}${value}`;
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
/** `line 3, column 5: `json-syntax`: message (help)` as inline Markdown. */
function diagnosticText(d) {
    const where = d.span ? `line ${d.span.line}, column ${d.span.column}: ` : '';
    const help = d.help ? ` — ${inlineMessage(d.help)}` : '';
    return `${where}${codeSpan(d.code)}: ${inlineMessage(d.message)}${help}`;
}
/** Files that could not be reviewed, each with its located diagnostics. */
function unreviewedSection(files, problems) {
    if (files.length === 0 && problems.length === 0)
        return '';
    const lines = ['#### ❌ Not reviewed', ''];
    for (const d of problems)
        lines.push(`- ${d.file ? `${codeSpan(d.file)}: ` : ''}${diagnosticText(d)}`);
    for (const file of files) {
        lines.push(`- ${codeSpan(file.file)} (${statusText(file)}):`);
        for (const d of file.diagnostics.filter((x) => x.severity === 'error')) {
            lines.push(`  - ${diagnosticText(d)}`);
        }
    }
    return lines.join('\n');
}
/** One line per file whose text changed but whose decisions did not. */
function noOpLine(file) {
    const what = file.patch.length === 0
        ? 'formatting or order only'
        : `${plural(file.patch.length, 'structural edit')}, no decision changed`;
    return `- ${codeSpan(file.file)} (${statusText(file)}): ${what}`;
}

;// CONCATENATED MODULE: ./src/render/verdict.ts
// The one-line verdict that opens every rendering: did access grow, shrink, or could we not tell.


const ICONS = {
    broadened: { emoji: '⚠️', plain: '⚠' },
    unreviewed: { emoji: '❌', plain: '✖' },
    narrowed: { emoji: '✅', plain: '✔' },
    'deny-changed': { emoji: 'ℹ️', plain: 'ℹ' },
    unchanged: { emoji: '✅', plain: '✔' }
};
function verdict(report) {
    const { tone, sentence } = verdictSentence(report);
    return {
        tone,
        markdown: `${ICONS[tone].emoji} IAM policy diff: ${sentence}`,
        text: `${ICONS[tone].plain} ${sentence.replaceAll('**', '')}`
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
        const what = `${plural(report.summary.filesWithErrors, 'policy file')} could **not be reviewed**`;
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
    return errors > 0
        ? `; ${plural(errors, 'file')} could not be reviewed`
        : '; the review is incomplete';
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
    const unreviewed = unreviewedSection(report.files.filter((f) => f.outcome === 'error'), report.diagnostics);
    if (unreviewed !== '' && !budget.tryAdd(`${unreviewed}\n\n`, reserve))
        omitted.other++;
    addChangedFiles(budget, report, { reserve, omitted, rowCap });
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
/** The marker as given when it is one HTML comment, else wrapped into one. */
function markerLine(marker) {
    const inner = marker.startsWith('<!--') && marker.endsWith('-->') ? marker.slice(4, -3) : marker;
    return `<!--${inner.replaceAll('--', '- -').replace(/\n/g, ' ')}-->`;
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
        .sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
function addChangedFiles(budget, report, room) {
    const { reserve, omitted } = room;
    const groups = groupChanges(report.changes);
    const byFile = new Map();
    for (const g of groups)
        byFile.set(g.file, [...(byFile.get(g.file) ?? []), g]);
    let stopped = false;
    for (const file of changedFiles(report)) {
        const count = file.changes.broadened + file.changes.narrowed + file.changes.denyChanged;
        if (stopped) {
            omitted.files++;
            omitted.changes += count;
            continue;
        }
        const section = capRows(fileSection(file, byFile.get(file.file) ?? []), room.rowCap);
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
    const neutral = report.files.filter((f) => f.outcome === 'neutral');
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
        noOpPatches: false
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
    const resourceFiles = new Set(report.files.filter((f) => f.policyKind === 'resource').map((f) => f.file));
    for (const group of groupChanges(report.changes))
        lines.push(...groupLines(group, resourceFiles.has(group.file)));
    const problems = [
        ...report.diagnostics,
        ...report.files.filter((f) => f.outcome === 'error').flatMap((f) => f.diagnostics)
    ].filter((d) => d.severity === 'error');
    if (problems.length > 0) {
        lines.push('not reviewed:', ...problems.map((d) => `  ${diagnosticLine(d)}`));
    }
    const warnings = report.files.flatMap((f) => [
        ...(f.outcome === 'error'
            ? []
            : f.diagnostics.filter((d) => d.severity !== 'error').map(diagnosticLine)),
        ...f.unknownActions.map((u) => `${visibleControls(f.file)}: unknown action ${visibleControls(u.action)}${u.suggestion === undefined ? '' : ` (did you mean ${visibleControls(u.suggestion)}?)`}`)
    ]);
    if (warnings.length > 0)
        lines.push('warnings:', ...warnings.map((w) => `  ${w}`));
    const neutral = report.files.filter((f) => f.outcome === 'neutral');
    if (neutral.length > 0) {
        lines.push(`no-op edits (text changed, no decision did): ${neutral.map((f) => visibleControls(f.file)).join(', ')}`);
    }
    lines.push(footer(report));
    return `${lines.join('\n')}\n`;
}
/** The principal is shown for resource-based policies, where it is what changed. */
function groupLines(g, withPrincipal) {
    const actions = g.actions.length === 1
        ? visibleControls(g.label)
        : `${visibleControls(g.label)} (${plural(g.actions.length, 'action')})`;
    const subject = g.subject === undefined ? '' : ` [subject ${visibleControls(g.subject)}]`;
    const context = Object.entries(g.context)
        .map(([key, value]) => `${visibleControls(key)}=${visibleControls(typeof value === 'string' ? value : `[${value.join(', ')}]`)}`)
        .join(', ');
    const when = context === '' ? '' : ` when ${context}`;
    const line = `  ${ARROWS[g.kind]} ${visibleControls(g.file)}${subject}  ${actions} on ${visibleControls(g.resource)}${withPrincipal ? ` for ${visibleControls(g.principal)}` : ''}${when}` +
        `  ${g.before.effect} → ${g.after.effect}  (${deciding(g)})`;
    return g.actions.length === 1 ? [line] : [line, `      ${g.actions.map(visibleControls).join(' ')}`];
}
function deciding(g) {
    if (g.after.determining.length > 0)
        return refs(g.after, g.file);
    if (g.before.determining.length > 0)
        return `was ${refs(g.before, g.file)}`;
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

;// CONCATENATED MODULE: ./src/diff/build-report.ts
// Assemble the Report (schema v1, report.ts) from the reviewed files and the decision diffs of
// each subject: attribute every change to a file, sort everything by a stable key, count.


function buildReport(input) {
    const changes = input.subjects.flatMap((subject) => subject.diffs.map((d) => toChange(d, subject)));
    changes.sort(compareChanges);
    const changesByFile = groupBy(changes, (c) => [c.file]);
    const subjectsByFile = groupBy(input.subjects, (s) => s.files);
    const files = input.files.map((file) => fileReport(file, changesByFile.get(file.file) ?? [], subjectsByFile.get(file.file) ?? []));
    files.sort((a, b) => build_report_compareText(a.file, b.file));
    const count = (kind) => changes.filter((c) => c.kind === kind).length;
    const sum = (pick) => input.subjects.reduce((total, s) => total + pick(s), 0);
    return {
        schemaVersion: 1,
        tool: { name: 'iam-policy-diff', version: input.toolVersion },
        base: input.base,
        head: input.head,
        summary: {
            broadened: count('broadened'),
            narrowed: count('narrowed'),
            denyChanged: count('deny-changed'),
            requests: sum((s) => s.requests),
            generatedRequests: sum((s) => s.generated),
            configuredRequests: sum((s) => s.configured),
            files: files.length,
            filesWithErrors: files.filter((f) => f.outcome === 'error').length,
            neutralFiles: files.filter((f) => f.outcome === 'neutral').length
        },
        files,
        changes,
        diagnostics: (0,diagnostic/* sortDiagnostics */.Ds)(input.diagnostics)
    };
}
function toChange(diff, subject) {
    const { request } = diff;
    const before = summarise(diff.before, subject.hiddenFiles);
    const after = summarise(diff.after, subject.hiddenFiles);
    return {
        kind: diff.kind,
        file: attribute(subject, [...after.determining, ...before.determining]),
        subject: subject.subject,
        action: request.action,
        resource: request.resource,
        principal: request.principal,
        resourceAccount: request.resourceAccount,
        context: plainContext(request.context),
        before,
        after,
        origin: request.origin
    };
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
    return deciding?.file ?? subject.files[0] ?? subject.subject ?? '';
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
/** `mine`: the changes attributed to the file; `covering`: the subjects it belongs to. */
function fileReport(file, mine, covering) {
    const unknown = new Map();
    for (const entry of covering.flatMap((s) => s.unknownActions))
        unknown.set(entry.action, entry);
    const count = (kind) => mine.filter((c) => c.kind === kind).length;
    return {
        file: file.file,
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
        unknownActions: [...unknown.values()].sort((a, b) => build_report_compareText(a.action, b.action))
    };
}
/** Broadened first, then narrowed, then deny changes; within a kind by file, action, resource. */
function compareChanges(a, b) {
    return (CHANGE_KIND_ORDER.indexOf(a.kind) - CHANGE_KIND_ORDER.indexOf(b.kind) ||
        build_report_compareText(a.file, b.file) ||
        build_report_compareText(a.action, b.action) ||
        build_report_compareText(a.resource, b.resource) ||
        build_report_compareText(a.principal, b.principal) ||
        build_report_compareText(JSON.stringify(a.context), JSON.stringify(b.context)) ||
        build_report_compareText(a.subject ?? '', b.subject ?? ''));
}
function build_report_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

// EXTERNAL MODULE: ./src/engine/evaluate.ts + 6 modules
var evaluate = __webpack_require__(5938);
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
        if (kind !== undefined)
            diffs.push({ request, before: settle(before), after: settle(after), kind });
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

// EXTERNAL MODULE: ./src/policy/arn.ts
var policy_arn = __webpack_require__(6185);
// EXTERNAL MODULE: ./src/engine/match-resource.ts
var match_resource = __webpack_require__(8024);
;// CONCATENATED MODULE: ./src/matrix/applicability.ts
// Which of an action's statements can apply to one witness resource (IAM-SEMANTICS §3.2). Only
// their condition clauses can tell that resource's requests apart, so the contexts of the other
// statements need not be probed with it.


const noIssues = () => undefined;
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
// EXTERNAL MODULE: ./src/engine/wildcard.ts
var wildcard = __webpack_require__(5750);
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
const SAMPLE_TEXT = 'example';
const DERIVED_KEYS = [
    'aws:PrincipalType',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:username'
];
function accountOf(principal) {
    const parts = principal.split(':');
    const account = parts[4];
    if (parts[0] === 'arn' && account !== undefined && /^\d{12}$/.test(account))
        return account;
    return /^\d{12}$/.test(principal) ? principal : undefined;
}
function samplesFor(principal) {
    const base = (0,evaluate/* prepareRequest */.nd)({ principal, action: 'sts:GetCallerIdentity', resource: '*' });
    const account = accountOf(principal) ?? SAMPLE_ACCOUNT;
    const derived = (key) => {
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
    return {
        principal,
        account,
        derived,
        value: (key) => derived(key) ?? (/account$/i.test(key) ? account : SAMPLE_TEXT),
        context: (context) => (0,engine_context/* prepareContext */.HQ)(context, fromPrincipal)
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
/** An account named by nobody, so that the outsider really is one. */
function outsiderAccount(taken) {
    for (let digit = 4; digit <= 9; digit++) {
        const account = OUTSIDER_ACCOUNT.replace(/^4/, String(digit));
        if (!taken.has(account))
            return account;
    }
    return OUTSIDER_ACCOUNT;
}
function principalsFor(statements, resourceMode, principal) {
    if (!resourceMode)
        return [principal];
    const callers = new Set([principal, ANONYMOUS]);
    for (const { statement } of statements) {
        for (const entry of statement.principal?.entries ?? [])
            callers.add(callerFor(entry));
    }
    const taken = new Set([...callers].map(principals_accountOf).filter((a) => a !== undefined));
    callers.add(`arn:aws:iam::${outsiderAccount(taken)}:user/outsider`);
    return [...callers].sort();
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
// EXTERNAL MODULE: ./src/policy/condition-operators.ts
var condition_operators = __webpack_require__(8635);
// EXTERNAL MODULE: ./src/policy/values.ts + 1 modules
var policy_values = __webpack_require__(2383);
// EXTERNAL MODULE: ./src/engine/variables.ts
var engine_variables = __webpack_require__(1531);
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
    let from = 0;
    for (const m of template.matchAll(/\$\{[^}]*\}/g)) {
        if (m.index > from)
            parts.push({ kind: 'text', text: template.slice(from, m.index) });
        parts.push(arn_witness_STAR);
        from = m.index + m[0].length;
    }
    if (from < template.length)
        parts.push({ kind: 'text', text: template.slice(from) });
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
    for (const i of [4, 3, 1, 2, 0]) {
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
    const key = `${samples.account}|${positive.map((g) => g.key).join('|')}|-|${negative.map((g) => g.key).join('|')}`;
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
const OTHER_BINARY = 'b3RoZXI=';
const partsText = (parts) => parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'star' ? '*' : '?')).join('');
/** Policy values with their variables replaced by sample values; unresolvable ones dropped. */
function resolveValues(clause, wildcards, variables, env) {
    const out = [];
    next: for (const value of clause.values) {
        const template = (0,engine_variables/* parseTemplate */.QC)(value, { variables, wildcards });
        const parts = [];
        for (const part of template.parts) {
            if (part.kind !== 'variable') {
                parts.push(part);
                continue;
            }
            const derived = env.samples.derived(part.key);
            let text = derived;
            if (text === undefined && env.keys.has(part.key)) {
                text = env.samples.value(part.key);
                env.bindings[variableSpelling(value, part.key)] = text;
            }
            text ??= part.defaultValue;
            if (text === undefined)
                continue next; // never resolves for this action: never matches
            parts.push({ kind: 'text', text });
        }
        out.push({ parts, text: partsText(parts) });
    }
    return out;
}
const swapCase = (text) => [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
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
function arnValues(values, samples) {
    const out = [];
    const globs = values.map((v) => arnGlob(v.parts));
    for (const glob of globs) {
        if (glob === undefined || glob === 'any')
            continue;
        const inside = findArnWitness([glob], [], { account: samples.account });
        if (inside !== undefined)
            out.push(inside);
    }
    const anyArn = arnGlob((0,wildcard/* parseGlob */.qF)('arn:*:*:*:*:*'));
    const negatives = globs.filter((g) => g !== undefined);
    if (anyArn !== undefined) {
        const outside = findArnWitness([anyArn], negatives, { account: OUTSIDER_ACCOUNT });
        if (outside !== undefined)
            out.push(outside);
    }
    return out;
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
            return stringValues(info, resolved());
        case 'arn':
            return arnValues(resolved(), samples);
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
            return [SAMPLE_TEXT];
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
    /** A context where every clause of `own` holds, or undefined when a key has no such value. */
    satisfy(own) {
        let context = this.base;
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



/** Context keys whose value changes the request beyond condition clauses (resource account, §6). */
const STRUCTURAL = ['aws:resourceaccount', 'aws:principalarn'];
const witness_contexts_byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const witness_contexts_noIssues = () => undefined;
/** Canonical text of a context: keys sorted (the sort and dedupe key of candidates). */
function contextKey(context) {
    return JSON.stringify(Object.keys(context)
        .sort(witness_contexts_byText)
        .map((k) => [k, context[k]]));
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
            found = this.kept
                .filter((k) => {
                const signature = `${k.tail}|${indexes.map((i) => k.truths[i]).join('')}`;
                if (seen.has(signature))
                    return false;
                seen.add(signature);
                return true;
            })
                .map((k) => k.context);
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
        const candidates = this.candidates(statements, clauses, info, bindings);
        const sign = (context) => {
            const prepared = this.samples.context(context);
            const truths = clauses.map((c) => (c.compiled.evaluate(prepared, witness_contexts_noIssues) ? '1' : '0'));
            return { context, truths: truths.join(''), tail: tailOf(context, bindings) };
        };
        const index = new Map(clauses.map((c, i) => [c.id, i]));
        const clausesOf = statements.map((s) => this.clausesOf(s).map((c) => index.get(c.id) ?? -1));
        return new ContextWitnesses(distinct(candidates, sign), clausesOf);
    }
    candidates(statements, clauses, info, bindings) {
        const candidates = new Map();
        const add = (context) => void candidates.set(contextKey(context), context);
        add({});
        add(bindings);
        const prepare = (ctx) => this.samples.context(ctx);
        const chooser = new Chooser(info, bindings, prepare, (key) => clauses.filter((c) => c.key === key));
        for (const s of statements) {
            const own = this.clausesOf(s).filter((c) => info.has(c.key));
            if (own.length === 0)
                continue;
            const satisfied = chooser.satisfy(own);
            if (satisfied !== undefined)
                chooser
                    .variants(satisfied, own.map((c) => c.key))
                    .forEach(add);
        }
        const best = chooser.best([...info.keys()]);
        chooser.variants(best, [...info.keys()]).forEach(add);
        return candidates;
    }
    /** Candidate values per available key, from every clause on it. */
    keyInfo(clauses, keys, bindings) {
        const info = new Map();
        for (const key of [...new Set(clauses.map((c) => c.key))].sort(witness_contexts_byText)) {
            if (!keys.has(key))
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
            info.set(key, { spelling, candidates: [ABSENT, ...(multi ? setCandidates(unique) : unique)] });
        }
        return info;
    }
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
    /** Variables → sample values; undefined when one can never have a value for the action. */
    substitute(source, parts, keys, bindings) {
        const out = [];
        for (const part of parts) {
            if (part.kind !== 'variable') {
                out.push(part);
                continue;
            }
            let text = this.samples.derived(part.key);
            if (text === undefined && keys.has(part.key)) {
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

;// CONCATENATED MODULE: ./src/matrix/witness-resources.ts




/** More patterns than this per template: skip the pairwise differences (quadratic). */
const MAX_PAIRWISE = 6;
/** Regions with more excluded patterns than this are not solved (the search grows with them). */
const MAX_NEGATIVES = 12;
const witness_resources_noIssues = () => undefined;
const WILDCARD_ONLY = { resources: ['*'], bindings: {} };
const sharedRegions = new Map();
const MAX_SHARED = 20000;
class ResourceWitnessBuilder {
    catalog;
    samples;
    results = new Map();
    patterns;
    regions = new Map();
    matchers = new Map();
    constructor(catalog, samples) {
        this.catalog = catalog;
        this.samples = samples;
        this.patterns = new PatternResolver(samples);
    }
    witnesses(action, keys) {
        const known = action.catalog;
        if (known !== undefined && known.resourceTypes.length === 0)
            return WILDCARD_ONLY;
        const patterns = this.patterns.of(action.statements, keys);
        const templates = known === undefined ? NO_TEMPLATES : templatesOf(this.catalog, known);
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
            const candidates = new Set(star ? ['*'] : []);
            // `*` matches every resource, so it tells none apart: only ARN patterns shape regions
            const live = patterns.filter((p) => p.glob !== undefined && p.glob !== 'any');
            const add = (template) => {
                for (const w of this.regionsOf(template, patterns, live))
                    candidates.add(w);
            };
            if (templates.list.length === 0)
                add(undefined);
            for (const template of templates.list)
                add(template);
            result = { resources: this.distinct([...candidates], patterns, bindings), bindings };
            byTemplates.set(cacheKey, result);
        }
        return result;
    }
    solve(pos, neg) {
        const globs = neg.map((p) => p.glob);
        if (pos.includes(undefined) || globs.includes(undefined))
            return undefined;
        return findArnWitness(pos, globs, { account: this.samples.account });
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
            const shared = `${this.samples.account}\n${key}\n${live.map((p) => (p.glob === 'any' ? '*' : (p.glob?.key ?? ''))).join('\n')}`;
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
    /** One candidate per combination of pattern matches (and resource account), in text order. */
    distinct(candidates, patterns, bindings) {
        if (candidates.length <= 1)
            return candidates;
        const context = this.samples.context(bindings);
        const seen = new Set();
        const kept = [];
        for (const text of candidates.sort()) {
            const arn = (0,policy_arn/* splitArn */.E)(text);
            const resource = { text, arn };
            // the account that owns it (an S3 ARN has none: the principal's, §6)
            let signature = `${arn?.account || this.samples.account}|`;
            for (const p of patterns) {
                signature += (0,match_resource/* matchResource */.U)(this.matcher(p), resource, context, witness_resources_noIssues) ? '1' : '0';
            }
            if (seen.has(signature))
                continue;
            seen.add(signature);
            kept.push(text);
        }
        return kept;
    }
}

;// CONCATENATED MODULE: ./src/matrix/generate.ts










/** Builds the generated requests of one subject, action by action. */
class Generator {
    input;
    samples;
    resourceMode;
    principals;
    resources;
    contexts;
    applicability;
    sameGates;
    unchanged = new Map();
    constructor(input, statements) {
        this.input = input;
        this.samples = samplesFor(input.principal);
        this.resourceMode = hasResourcePolicy([input.base, input.head]);
        this.principals = principalsFor(statements, this.resourceMode, input.principal);
        this.resources = new ResourceWitnessBuilder(input.catalog, this.samples);
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
    requestsOf(action) {
        const keys = keyAvailability(this.input.catalog, action.catalog);
        const witnesses = this.resources.witnesses(action, keys);
        const variants = this.contexts.contexts(action.statements, keys, witnesses.bindings);
        const group = [];
        for (const resource of witnesses.resources) {
            // resource policies: a resource ARN without an account (S3) belongs to the subject's account
            const owner = this.resourceMode && !(0,policy_arn/* splitArn */.E)(resource)?.account ? this.samples.account : undefined;
            const contexts = variants.conditional
                ? variants.forStatements(this.applicability.of(action.statements, resource, witnesses.bindings))
                : variants.all;
            for (const principal of this.principals) {
                for (const context of contexts) {
                    // two literal shapes rather than a spread: big reviews build hundreds of thousands
                    const request = owner === undefined
                        ? { origin: 'auto', principal, action: action.name, resource, context }
                        : {
                            origin: 'auto',
                            principal,
                            action: action.name,
                            resource,
                            context,
                            resourceAccount: owner
                        };
                    group.push(request);
                }
            }
        }
        return group;
    }
}
function generate(input) {
    const statements = collectStatements(input.base, input.head);
    const expansion = expandActions(input.catalog, statements);
    const generator = new Generator(input, statements);
    const groups = [];
    for (const action of expansion.actions) {
        if (!generator.skips(action))
            groups.push(generator.requestsOf(action));
    }
    return { groups, unknownActions: expansion.unknownActions };
}
function requestKey(r) {
    return JSON.stringify([
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
function buildMatrix(input) {
    const seen = new Set();
    const allConfigured = dedupe(input.specs.flatMap((spec) => expandSpec(spec, input)), seen);
    const generated = input.auto ? generate(input) : { groups: [], unknownActions: [] };
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
        unknownActions: generated.unknownActions
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

// EXTERNAL MODULE: ./src/policy/parse.ts + 8 modules
var parse = __webpack_require__(3075);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/sources/detect.ts
// Which changed files are IAM policies, and of which kind.
//
// What counts as a policy (docs/REPORT.md): a file whose name ends in `.json` (any case), that
// passes the configured include/exclude globs, and whose top level is a JSON object with a
// `Statement` key. Other JSON (package.json, tsconfig.json) is ignored without a word. A file
// that is not valid JSON but whose text contains `"Statement"` is a policy someone broke: it
// is reviewed, so the parser reports where it is broken.

/** Policies are small (AWS caps them at a few KB); anything over this is refused, not parsed. */
const MAX_POLICY_BYTES = 1024 * 1024;
/** Globs match the whole `/`-separated path; a glob without `/` matches the file name anywhere. */
function compileGlobs(globs) {
    // picomatch's `basename` option would apply to every glob, so it is set per glob
    const matchers = globs.map((glob) => picomatch_default()(glob, { dot: true, basename: !glob.includes('/') }));
    return (file) => matchers.some((matches) => matches(file));
}
function createFileFilter(config, options) {
    const include = config.include.length === 0 ? () => true : compileGlobs(config.include);
    const exclude = compileGlobs(config.exclude);
    const kinds = config.kinds.map((entry) => ({
        matches: compileGlobs([entry.glob]),
        kind: entry.kind
    }));
    return {
        selects: (file) => (options.anyName || file.toLowerCase().endsWith('.json')) && include(file) && !exclude(file),
        configuredKind: (file) => kinds.find((entry) => entry.matches(file))?.kind
    };
}
/** Classifies one version of a file by its text (cheap: one JSON.parse, no located tree). */
function detectPolicy(text) {
    const mentionsStatement = text.includes('"Statement"');
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_POLICY_BYTES)
        return mentionsStatement ? { kind: 'too-large', bytes } : { kind: 'other' };
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return mentionsStatement ? { kind: 'broken' } : { kind: 'other' };
    }
    if (!isPlainObject(value) || !Object.hasOwn(value, 'Statement'))
        return { kind: 'other' };
    return { kind: 'policy', principals: namesPrincipal(value['Statement']) };
}
/** Kind from the configuration, else from the content: a Principal makes it resource-based. */
function decideKind(configured, detections) {
    if (configured)
        return configured;
    return detections.some((d) => d.kind === 'policy' && d.principals) ? 'resource' : 'identity';
}
function namesPrincipal(statement) {
    const statements = Array.isArray(statement) ? statement : [statement];
    return statements.some((s) => isPlainObject(s) && (Object.hasOwn(s, 'Principal') || Object.hasOwn(s, 'NotPrincipal')));
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/review/load-files.ts
// Changed files → the policy files to review, each side read, detected and parsed. A failure on
// one file (unreadable, too large, invalid) becomes diagnostics on that file; the others go on.




/**
 * `roleKind` is the kind a configured subject gives the file (it wins over the configured
 * `kinds` globs, which win over the content).
 */
async function loadPolicyFiles(source, changed, config, roleKind) {
    const explicit = source.explicit === true;
    const filter = createFileFilter(config, { anyName: explicit });
    const candidates = changed.filter((c) => filter.selects(c.path) || (c.previousPath !== undefined && filter.selects(c.previousPath)));
    // all reads start together: the git source serves them with one process per side
    const sides = await Promise.all(candidates.map(async (change) => {
        const [base, head] = await Promise.all([
            readSide(source, change, 'base'),
            readSide(source, change, 'head')
        ]);
        return { change, base, head };
    }));
    const files = [];
    for (const { change, base, head } of sides) {
        if (!explicit && !isPolicyCandidate(base) && !isPolicyCandidate(head))
            continue;
        const configured = roleKind(change.path) ?? filter.configuredKind(change.path);
        files.push(parseFile(change, base, head, configured));
    }
    return { files, filter };
}
async function readSide(source, change, side) {
    const path = side === 'base' ? (change.previousPath ?? change.path) : change.path;
    const absent = (side === 'base' && change.status === 'added') ||
        (side === 'head' && change.status === 'deleted');
    if (absent)
        return { path, text: undefined, detection: undefined, error: undefined };
    try {
        const text = await source.readFile(path, side);
        return {
            path,
            text,
            detection: text === undefined ? undefined : detectPolicy(text),
            error: undefined
        };
    }
    catch (error) {
        const found = error instanceof SourceError
            ? error.diagnostic
            : (0,diagnostic/* diagnostic */.YK)('file-unreadable', { message: `cannot read \`${path}\`: ${errorText(error)}` });
        return { path, text: undefined, detection: undefined, error: { ...found, file: change.path } };
    }
}
/** A side that is (or tried to be) a policy; read errors count, since the file may be one. */
function isPolicyCandidate(side) {
    return (side.error !== undefined || (side.detection !== undefined && side.detection.kind !== 'other'));
}
function parseFile(change, base, head, configured) {
    const kind = decideKind(configured, [base.detection, head.detection].filter((d) => d !== undefined));
    const parsedHead = parseRawSide(head, kind, change.path);
    const parsedBase = parseRawSide(base, kind, change.path);
    // an invalid base version was never in force (AWS rejects invalid policies): the head is
    // compared with no policy, and the base's problems are reported as warnings
    const unreadable = base.error !== undefined;
    const baseInvalid = !unreadable && (0,diagnostic/* hasErrors */.Cs)(parsedBase.diagnostics);
    const baseDiagnostics = parsedBase.diagnostics.map((d) => d.severity === 'error' && !unreadable
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
    return {
        change,
        kind,
        base: { path: base.path, text: baseInvalid ? undefined : base.text, policy: parsedBase.policy },
        head: { path: head.path, text: head.text, policy: parsedHead.policy },
        diagnostics,
        failed: unreadable || (0,diagnostic/* hasErrors */.Cs)(parsedHead.diagnostics)
    };
}
function parseRawSide(side, kind, file) {
    if (side.error !== undefined)
        return { policy: undefined, diagnostics: [side.error] };
    if (side.text === undefined || side.detection === undefined)
        return { policy: undefined, diagnostics: [] };
    if (side.detection.kind === 'too-large') {
        const message = `\`${file}\` has ${side.detection.bytes} bytes, more than the ${MAX_POLICY_BYTES} this tool reads as a policy`;
        return { policy: undefined, diagnostics: [(0,diagnostic/* diagnostic */.YK)('file-too-large', { message, file })] };
    }
    const result = (0,parse/* parsePolicy */.ON)(side.text, { file: side.path, kind });
    return { policy: result.policy, diagnostics: result.diagnostics };
}
function errorText(error) {
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
    const identity = hasIdentity(subject);
    const resource = hasResource(subject);
    return {
        allowingIdentity: !identity && (!resource || request.crossAccount),
        // it grants nothing in the account itself unless the resource policy is mandatory, so it is
        // left out there: the decisions are the same, and evaluation is cheaper
        delegatingResource: !resource && (request.crossAccount || request.mandatory)
    };
}
/** The policy set a request is evaluated against on one side, assumptions included. */
function policySetFor(subject, side, request) {
    return assumedSet(subject, side, assumptionsFor(subject, request));
}
function assumedSet(subject, side, assume) {
    const own = subject[side];
    const account = (0,policy_arn/* splitArn */.E)(subject.principal)?.account;
    const delegating = assume.delegatingResource && account !== undefined
        ? delegatingResourcePolicy(account)
        : undefined;
    return {
        identity: assume.allowingIdentity ? [ALLOW_ALL_IDENTITY] : own.identity,
        resource: own.resource ?? delegating,
        boundary: own.boundary,
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
    const own = subject[side];
    if (!hasIdentity(subject) && !hasResource(subject))
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
        const compiled = [undefined, undefined, undefined, undefined];
        return (request) => {
            const assume = assumptionsFor(subject, request);
            const slot = (assume.allowingIdentity ? 2 : 0) + (assume.delegatingResource ? 1 : 0);
            return (compiled[slot] ??= (0,evaluate/* compilePolicySet */.uY)(assumedSet(subject, side, assume)));
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
            covered.add(file.change.path);
        const planned = await planSubject(spec, members, loader);
        if ('subject' in planned) {
            if (planned.subject.files.length > 0)
                subjects.push(planned.subject);
            continue;
        }
        for (const file of members) {
            const list = fileDiagnostics.get(file.change.path) ?? [];
            fileDiagnostics.set(file.change.path, [
                ...list,
                { ...planned.problem, file: file.change.path }
            ]);
        }
    }
    return { subjects, covered, fileDiagnostics };
}
async function planSubject(spec, members, loader) {
    const roles = rolesOf(spec);
    try {
        const base = await sidePolicies(roles, 'base', loader);
        const head = await sidePolicies(roles, 'head', loader);
        const files = members.filter((f) => !f.failed).map((f) => f.change.path);
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
function changedMembers(roles, files) {
    return files.filter((f) => roles.some((r) => r.matches(f.change.path) || r.matches(f.base.path)));
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

;// CONCATENATED MODULE: ./src/review/review.ts









async function review(options) {
    const { source, config } = options;
    const report = (input) => buildReport({
        toolVersion: options.toolVersion,
        base: source.baseLabel,
        head: source.headLabel,
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
    const loaded = await loadPolicyFiles(source, changed, config, subjectRoleKind(config.subjects));
    const plan = await planSubjects(config.subjects, source, loaded.files);
    const alone = loaded.files
        .filter((f) => !f.failed && !plan.covered.has(f.change.path))
        .map(subjectOfFile);
    const problems = new Map();
    const note = (file, d) => problems.set(file, [...(problems.get(file) ?? []), { ...d, file }]);
    for (const [file, list] of plan.fileDiagnostics)
        for (const d of list)
            note(file, d);
    const subjects = [...plan.subjects, ...alone]
        .map((subject) => runSubject(subject, options, note))
        .filter((outcome) => outcome !== undefined);
    const spell = actionSpeller(options.catalog);
    const files = loaded.files.map((f) => reviewedFile(f, problems.get(f.change.path) ?? [], spell));
    return report({ files, subjects, diagnostics: [] });
}
function subjectOfFile(file) {
    return {
        name: undefined,
        files: [file.change.path],
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
            limit: config.maxRequestsPerSubject
        });
        if (matrix.truncated) {
            const what = subject.name === undefined ? 'the file' : `subject \`${subject.name}\``;
            const message = `the request matrix of ${what} was cut at ${matrix.requests.length} requests: some changes may be missed`;
            for (const file of subject.files)
                note(file, (0,diagnostic/* diagnostic */.YK)('matrix-truncated', { message }));
        }
        const selectors = sideSelectors(subject);
        return {
            subject: subject.name,
            files: subject.files,
            diffs: diffRequests(matrix.requests, selectors.base, selectors.head),
            requests: matrix.requests.length,
            generated: matrix.generated,
            configured: matrix.configured,
            unknownActions: matrix.unknownActions,
            hiddenFiles: HIDDEN_FILES
        };
    }
    catch (error) {
        // our bug, not the user's: keep the report, name the files that were not reviewed
        for (const file of subject.files)
            note(file, failure(error, `review \`${file}\``));
        return undefined;
    }
}
function reviewedFile(file, problems, canonicalAction) {
    const diagnostics = [...file.diagnostics, ...problems];
    const failed = file.failed || problems.some((d) => d.severity === 'error');
    return {
        file: file.change.path,
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

;// CONCATENATED MODULE: ./src/sources/file-pair-source.ts
// Two versions given as paths on disk: `diff OLD.json NEW.json` (two files) or
// `diff DIR_OLD DIR_NEW` (same-named files of two directory trees).






const locate = (options, file) => external_node_path_default().resolve(options.cwd ?? '.', file);
/** Compares two files; both are reviewed as policies whatever their names. */
function filePairSource(options) {
    const basePath = toDisplayPath(options.base);
    const headPath = toDisplayPath(options.head);
    const read = async (side) => {
        const file = side === 'base' ? options.base : options.head;
        const text = await readRegularFile(locate(options, file));
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
        readTree(locate(options, options.base), options.base),
        readTree(locate(options, options.head), options.head)
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

// EXTERNAL MODULE: ./src/cli/arguments.ts + 1 modules
var cli_arguments = __webpack_require__(2544);
;// CONCATENATED MODULE: ./src/cli/diff-command.ts
// `iam-policy-diff diff`: which requests changed decision between two versions of IAM policies
// (two git commits, a commit and the working tree, two files or two directories).














const DIFF_USAGE = `usage: iam-policy-diff diff [--repo DIR] [--base REF] [--head REF] [options]
       iam-policy-diff diff OLD.json NEW.json [options]
       iam-policy-diff diff DIR_OLD DIR_NEW [options]

lists the requests whose decision changed between two versions of IAM policies, with the
statements that decided them

  --repo DIR      git work tree to read (default: the current directory)
  --base REF      the old version (default: HEAD)
  --head REF      the new version (default: the working tree, untracked files included)
  OLD NEW         two policy files, or two directories compared file by file

options:
  --config FILE   configuration (default: .github/iam-policy-diff.yml, .yaml or .json on the
                  head side)
  --format F      text (default), markdown (the pull-request comment) or json (schema v1)
  --fail-on W     broadened, any or never: exit 1 when such changes exist (default: the
                  configuration's fail-on, else never)
  --no-auto       evaluate only the configured requests, no automatic request matrix
  -h, --help      show this help

exit codes: 0 reviewed, 1 --fail-on matched (a policy file that could not be reviewed counts as
a broadening), 2 usage error or the review failed (git, configuration)
`;
const OPTIONS = {
    repo: { type: 'string' },
    base: { type: 'string' },
    head: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    'no-auto': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
};
const FORMATS = ['text', 'markdown', 'json'];
const diff_command_FAIL_ON = ['broadened', 'any', 'never'];
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
    const failOn = values['fail-on'];
    if (failOn !== undefined && !diff_command_FAIL_ON.includes(failOn)) {
        return `unknown --fail-on value \`${failOn}\`: use broadened, any or never`;
    }
    const source = await chooseSource(positionals, values, io);
    if (typeof source === 'string')
        return source;
    return {
        source,
        format: format,
        failOn: failOn,
        configFile: values.config,
        noAuto: values['no-auto'] === true
    };
}
async function chooseSource(positionals, values, io) {
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

//# sourceMappingURL=896.index.js.map