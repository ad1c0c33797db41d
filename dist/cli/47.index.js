export const id = 47;
export const ids = [47];
export const modules = {

/***/ 6047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EVALUATE_USAGE: () => (/* binding */ EVALUATE_USAGE),
  formatResults: () => (/* binding */ formatResults),
  runEvaluateCommand: () => (/* binding */ runEvaluateCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/diagnostics/diagnostic.ts + 1 modules
var diagnostic = __webpack_require__(8966);
// EXTERNAL MODULE: ./src/engine/evaluate.ts
var evaluate = __webpack_require__(3507);
// EXTERNAL MODULE: ./src/policy/line-index.ts
var line_index = __webpack_require__(5503);
// EXTERNAL MODULE: ./src/policy/located-json.ts
var located_json = __webpack_require__(4475);
;// CONCATENATED MODULE: ./src/cases/case-file-layout.ts
// The fast path's view of a case file (run-case-file.ts). One pass over the text finds each
// case's extent, so each case is given to JSON.parse on its own when it is read (the values of
// the cases already decided can then be collected), plus what JSON.parse hides: how many keys each case's text holds outside its
// `policies` (the fast reader counts the properties it reads there: fewer properties than keys
// means a duplicate key), where each case and its `policies` start (the only parts that need a
// located tree when the case is well-formed), and the line each `policies` starts on (so
// positions inside it need no index of the whole file's lines).
//
// The pass checks the text between cases itself (`[`, `,`, `]` and JSON whitespace); each case's
// text is checked by JSON.parse. Valid pieces in a valid frame make a valid JSON array, so the
// fast path accepts exactly the files JSON.parse accepts, as far as cases that are objects go.

/**
 * The layout of a case file that is a JSON array of objects (as far as the text between cases
 * shows), not nested deeper than the located parser allows; undefined otherwise (the located
 * parser then reads the whole file, and reports what is wrong with it).
 */
function caseFileLayout(text) {
    const scan = scanText(text);
    if (scan === undefined || scan.deepest >= located_json/* DEFAULT_MAX_DEPTH */.J)
        return undefined;
    const noCarriageReturn = !scan.carriageReturns;
    return {
        caseStarts: scan.caseStarts,
        caseEnds: scan.caseEnds,
        policiesStarts: scan.policiesStarts.map((start) => start === undefined ? undefined : { ...start, noCarriageReturn }),
        caseKeys: scan.caseKeys
    };
}
/** The case's value: undefined when its text is not valid JSON (the file is then invalid). */
function parseCase(text, layout, index) {
    try {
        // the text starts with `{`: a valid case is an object
        return JSON.parse(text.slice(layout.caseStarts[index], layout.caseEnds[index]));
    }
    catch {
        return undefined;
    }
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
// what `advance` stopped at
const END = 0;
/** a character outside every case (at depth 0 or 1), not consumed */
const FRAME = 1;
/** the colon after one of a case's own keys, consumed */
const CASE_KEY = 2;
/** the bracket that closes a case, consumed */
const CASE_END = 3;
// where the frame around the cases is
const BEFORE_ARRAY = 0;
const BEFORE_CASE = 1;
const AFTER_CASE = 2;
const AFTER_ARRAY = 3;
/**
 * One pass over the text. The per-character work is in `advance`, which returns only at the
 * rare events handled here, so the optimizing compiler sees one small, uniformly hot loop.
 * Undefined when the frame around the cases is not `[` case `,` … `]`, or a case is not an
 * object.
 */
function scanText(text) {
    const scan = {
        caseKeys: [],
        carriageReturns: false,
        deepest: 0,
        caseStarts: [],
        caseEnds: [],
        policiesStarts: []
    };
    const at = {
        i: 0,
        depth: 0,
        deepest: 0,
        line: 1,
        lineStart: 0,
        keys: 0,
        policiesDepth: 0,
        carriageReturns: false,
        stringStart: -1,
        stringEnd: -1
    };
    let frame = BEFORE_ARRAY;
    // a case may come next: after `[` or `,` (after `,` one must)
    let caseDue = false;
    for (let event = advance(text, at); event !== END; event = advance(text, at)) {
        const i = at.i;
        const c = text.charCodeAt(i);
        if (event === CASE_KEY) {
            if (at.stringEnd - at.stringStart === 9 && text.startsWith('policies', at.stringStart + 1)) {
                const start = valueStart(text, i + 1);
                // `advance` counts the breaks between the colon and the value only later
                const origin = lineOf(text, i + 1, start, at.line, at.lineStart);
                scan.policiesStarts[scan.caseStarts.length - 1] = { offset: start, ...origin };
                at.policiesDepth = 3;
            }
        }
        else if (event === CASE_END) {
            scan.caseEnds.push(i + 1);
            scan.caseKeys.push(at.keys);
            at.keys = 0;
            at.policiesDepth = 0;
            frame = AFTER_CASE;
        }
        else if (frame === BEFORE_ARRAY && c === 0x5b) {
            frame = BEFORE_CASE;
            caseDue = false;
            at.depth = 1;
        }
        else if (frame === BEFORE_CASE && c === 0x7b) {
            scan.caseStarts.push(i);
            scan.policiesStarts.push(undefined);
            at.depth = 2;
            if (at.deepest < 2)
                at.deepest = 2;
        }
        else if (frame === AFTER_CASE && c === 0x2c) {
            frame = BEFORE_CASE;
            caseDue = true;
        }
        else if ((frame === AFTER_CASE || (frame === BEFORE_CASE && !caseDue)) && c === 0x5d) {
            frame = AFTER_ARRAY;
            at.depth = 0;
        }
        else
            return undefined;
        at.i = i + 1;
    }
    scan.deepest = at.deepest;
    scan.carriageReturns = at.carriageReturns;
    return frame === AFTER_ARRAY ? scan : undefined;
}
/**
 * Moves the cursor to the next event (see the constants above); END at the end of the text.
 * Inside a case, every `:` outside strings ends a key, and every line break is a real one (a
 * JSON string holds no raw control character; a case whose string does fails JSON.parse later);
 * strings are skipped with the engine's own search.
 */
function advance(text, at) {
    let { i, depth, deepest, line, lineStart, keys, policiesDepth, carriageReturns } = at;
    let { stringStart, stringEnd } = at;
    const length = text.length;
    let event = END;
    while (i < length) {
        const c = text.charCodeAt(i);
        if (c <= 0x20) {
            if (c === 0x0a) {
                line++;
                lineStart = i + 1;
            }
            else if (c === 0x0d) {
                carriageReturns = true;
                if (text.charCodeAt(i + 1) !== 0x0a) {
                    line++;
                    lineStart = i + 1;
                }
            }
            else if (depth < 2 && c !== 0x20 && c !== 0x09) {
                event = FRAME;
                break;
            }
        }
        else if (depth < 2) {
            event = FRAME;
            break;
        }
        else if (c === 0x22) {
            stringStart = i;
            i = closingQuote(text, i);
            stringEnd = i;
        }
        else if (c === 0x3a) {
            if (policiesDepth === 0)
                keys++;
            if (depth === 2) {
                event = CASE_KEY;
                break;
            }
        }
        else if (c === 0x7b || c === 0x5b) {
            depth++;
            if (depth > deepest)
                deepest = depth;
        }
        else if (c === 0x7d || c === 0x5d) {
            depth--;
            if (depth < policiesDepth)
                policiesDepth = 0;
            if (depth === 1) {
                event = CASE_END;
                break;
            }
        }
        else if (c === 0x2c && depth === 2) {
            // a scalar `policies` value ends at the comma after it
            policiesDepth = 0;
        }
        i++;
    }
    Object.assign(at, { i, depth, deepest, line, lineStart, keys, policiesDepth, carriageReturns });
    at.stringStart = stringStart;
    at.stringEnd = stringEnd;
    return event;
}
function valueStart(text, from) {
    let at = from;
    for (let c = text.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;) {
        c = text.charCodeAt(++at);
    }
    return at;
}
/** The line and line start at `to`, counting the breaks between `from` and `to`. */
function lineOf(text, from, to, line, lineStart) {
    let atLine = line;
    let atStart = lineStart;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
            atLine++;
            atStart = i + 1;
        }
    }
    return { line: atLine, lineStart: atStart };
}
/** The quote that closes the string opening at `open`; the text's length when none does. */
function closingQuote(text, open) {
    let quote = text.indexOf('"', open + 1);
    while (quote > 0 && text.charCodeAt(quote - 1) === 0x5c) {
        let backslashes = 1;
        while (text.charCodeAt(quote - 1 - backslashes) === 0x5c)
            backslashes++;
        if (backslashes % 2 === 0)
            break;
        quote = text.indexOf('"', quote + 1);
    }
    return quote < 0 ? text.length : quote;
}

// EXTERNAL MODULE: ./src/diagnostics/quote.ts
var quote = __webpack_require__(3872);
// EXTERNAL MODULE: ./src/diagnostics/suggest.ts
var suggest = __webpack_require__(4962);
// EXTERNAL MODULE: ./src/policy/validate-context.ts
var validate_context = __webpack_require__(9576);
;// CONCATENATED MODULE: ./src/cases/case-reader.ts




// the other case readers import quote from here

/** The code for a malformed case (not a malformed policy); its help points at docs/CLI.md. */
const CASE_INVALID = 'case-invalid';
class CaseReader {
    lines;
    file;
    diagnostics = [];
    constructor(lines, file) {
        this.lines = lines;
        this.file = file;
    }
    problem(at, message, help) {
        this.report(CASE_INVALID, at, message, help);
    }
    report(code, at, message, help) {
        this.diagnostics.push((0,diagnostic/* diagnostic */.YK)(code, {
            message,
            pointer: at.pointer,
            span: this.lines.span(at.start, at.end),
            file: this.file,
            help
        }));
    }
    /**
     * The members of an object by key. Duplicate keys are reported: JSON.parse would silently
     * keep the last one, so a case file with one would mean something different to other tools.
     */
    members(node) {
        const byKey = new Map();
        for (const entry of node.entries) {
            if (byKey.has(entry.key)) {
                this.problem(keyOf(entry), `duplicate key ${(0,quote/* quote */.h)(entry.key)}`);
            }
            else
                byKey.set(entry.key, entry);
        }
        return byKey;
    }
    /** Reports keys that are neither known nor accepted as metadata, with a "did you mean". */
    unknownKeys(byKey, known, where, isMetadata = () => false) {
        for (const [key, entry] of byKey) {
            if (known.includes(key) || isMetadata(key))
                continue;
            const near = (0,suggest/* suggest */.Z)(key, known, { ignoreCase: true });
            const help = near === undefined ? `known keys: ${known.join(', ')}` : `did you mean ${(0,quote/* quote */.h)(near)}?`;
            this.problem(keyOf(entry), `${where}: unknown key ${(0,quote/* quote */.h)(key)}`, help);
        }
    }
    /** A string member, or undefined after reporting a problem when it is not one. */
    stringMember(byKey, key, where, owner) {
        const node = byKey.get(key)?.value;
        if (node === undefined) {
            this.problem(owner, `${where}: missing ${(0,quote/* quote */.h)(key)}`);
            return undefined;
        }
        if (node.kind !== 'string' || node.value === '') {
            this.problem(node, `${where}: ${(0,quote/* quote */.h)(key)} must be a non-empty string, not ${describe(node)}`);
            return undefined;
        }
        return node.value;
    }
}
function keyOf(entry) {
    return { start: entry.keyStart, end: entry.keyEnd, pointer: entry.value.pointer };
}
/** How a node's JSON type is named in messages; an empty string is worth naming as such. */
function describe(node) {
    return node.kind === 'string' && node.value === '' ? 'an empty string' : (0,validate_context/* describeNode */.WQ)(node);
}

;// CONCATENATED MODULE: ./src/cases/case-output.ts
function errorResult(id, diagnostics) {
    return { id, decision: 'Error', diagnostics: diagnostics.map(caseDiagnostic) };
}
function decisionResult(id, many, decisions, explain) {
    if (many) {
        return explain
            ? { id, decisions: decisions.map(explained) }
            : { id, decisions: decisions.map((d) => d.effect) };
    }
    const [decision] = decisions;
    if (decision === undefined)
        throw new Error('a single-request case produced no decision');
    return explain ? { id, ...explained(decision) } : { id, decision: decision.effect };
}
function caseDiagnostic(d) {
    return {
        code: d.code,
        severity: d.severity,
        message: d.message,
        file: d.file ?? '',
        line: d.span?.line ?? null,
        column: d.span?.column ?? null,
        pointer: d.pointer,
        help: d.help ?? null
    };
}
function explained(decision) {
    return {
        decision: decision.effect,
        reason: decision.reason,
        determining: decision.determining.map(statement),
        issues: decision.issues.map(issue)
    };
}
function statement(ref) {
    return {
        file: ref.file,
        kind: ref.policyKind,
        statementIndex: ref.statementIndex,
        sid: ref.sid ?? null,
        line: ref.line,
        pointer: ref.pointer
    };
}
function issue(item) {
    return {
        code: item.code,
        message: item.message,
        file: item.statement.file,
        statementIndex: item.statement.statementIndex,
        sid: item.statement.sid ?? null,
        line: item.statement.line
    };
}

;// CONCATENATED MODULE: ./src/cases/check-actions.ts



function unknownActions(catalog, caseNode, lines, file) {
    const found = [];
    for (const node of actionNodes(caseNode)) {
        if (node.kind !== 'string' || catalog.action(node.value) !== undefined)
            continue;
        const near = nearest(catalog, node.value);
        const d = (0,diagnostic/* diagnostic */.YK)('action-unknown', {
            message: `request action ${(0,quote/* quote */.h)(node.value)} is not in the iam action catalogue`,
            pointer: node.pointer,
            span: lines.span(node.start, node.end),
            file,
            help: near === undefined ? undefined : `did you mean ${(0,quote/* quote */.h)(near)}?`
        });
        // in a policy an unknown action is a warning; as the request itself it cannot be decided
        found.push({ ...d, severity: 'error' });
    }
    return found;
}
function nearest(catalog, action) {
    const colon = action.indexOf(':');
    const service = colon < 0 ? action : action.slice(0, colon);
    const names = catalog.actionsOf(service.toLowerCase()).map((a) => a.name);
    if (names.length > 0)
        return (0,suggest/* suggest */.Z)(action, names, { ignoreCase: true });
    const prefix = (0,suggest/* suggest */.Z)(service, catalog.services, { ignoreCase: true });
    return prefix === undefined ? undefined : `${prefix}:${action.slice(colon + 1)}`;
}
/** The `action` nodes of `request` and of every item of `requests`. */
function actionNodes(caseNode) {
    if (caseNode.kind !== 'object')
        return [];
    const requests = [];
    for (const entry of caseNode.entries) {
        if (entry.key === 'request')
            requests.push(entry.value);
        if (entry.key === 'requests' && entry.value.kind === 'array')
            requests.push(...entry.value.items);
    }
    return requests.flatMap((request) => request.kind === 'object'
        ? request.entries.filter((e) => e.key === 'action').map((e) => e.value)
        : []);
}

// EXTERNAL MODULE: ./src/policy/parse.ts + 8 modules
var parse = __webpack_require__(3075);
;// CONCATENATED MODULE: ./src/cases/read-policies.ts
// Reads the `policies` object of a case into a PolicySet (IAM-SEMANTICS §6). Every document is
// parsed in place with parsePolicyNode, so its diagnostics carry positions in the case file and
// a label such as `case-1:identity[0]` or `case-1:scp[1][0]`; the slot decides the policy kind.



const SLOTS = ['identity', 'resource', 'boundary', 'scp', 'rcp', 'session'];
class SlotParser {
    reader;
    caseId;
    diagnostics = [];
    failed = false;
    constructor(reader, caseId) {
        this.reader = reader;
        this.caseId = caseId;
    }
    document(node, kind, label) {
        const file = `${this.caseId}:${label}`;
        const { policy, diagnostics } = (0,parse/* parsePolicyNode */.Gj)(node, this.reader.lines, { file, kind });
        this.diagnostics.push(...diagnostics);
        if (policy === undefined || (0,diagnostic/* hasErrors */.Cs)(diagnostics))
            this.failed = true;
        return policy;
    }
    /** `[doc, ...]` */
    list(node, kind, label) {
        if (node.kind !== 'array') {
            this.structure(node, `\`${label}\` must be an array of policy documents, not ${describe(node)}`);
            return [];
        }
        return present(node.items.map((item, i) => this.document(item, kind, `${label}[${i}]`)));
    }
    /** `[level, ...]`, a level being one document or an array of documents (§6) */
    levels(node, kind) {
        if (node.kind !== 'array') {
            this.structure(node, `\`${kind}\` must be an array of levels (root first), not ${describe(node)}`);
            return [];
        }
        return node.items.map((level, i) => level.kind === 'array'
            ? this.list(level, kind, `${kind}[${i}]`)
            : present([this.document(level, kind, `${kind}[${i}]`)]));
    }
    /** one document, or null / absent for none */
    optional(node, kind) {
        return node.kind === 'null' ? undefined : this.document(node, kind, kind);
    }
    structure(node, message) {
        this.failed = true;
        this.reader.problem(node, `case ${(0,quote/* quote */.h)(this.caseId)}: policies: ${message}`);
    }
}
function readPolicies(reader, node, caseId) {
    const slots = new SlotParser(reader, caseId);
    if (node === undefined)
        return { set: { identity: [] }, diagnostics: [] };
    if (node.kind !== 'object') {
        slots.structure(node, `must be an object, not ${describe(node)}`);
        return { set: undefined, diagnostics: [] };
    }
    const before = reader.diagnostics.length;
    const byKey = reader.members(node);
    reader.unknownKeys(byKey, SLOTS, `case ${(0,quote/* quote */.h)(caseId)}: policies`);
    const at = (key) => byKey.get(key)?.value;
    const identity = at('identity');
    const resource = at('resource');
    const boundary = at('boundary');
    const session = at('session');
    const scp = at('scp');
    const rcp = at('rcp');
    const set = {
        identity: identity ? slots.list(identity, 'identity', 'identity') : [],
        resource: resource ? slots.optional(resource, 'resource') : undefined,
        boundary: boundary ? slots.list(boundary, 'boundary', 'boundary') : undefined,
        session: session ? slots.optional(session, 'session') : undefined,
        scp: scp ? slots.levels(scp, 'scp') : undefined,
        rcp: rcp ? slots.levels(rcp, 'rcp') : undefined
    };
    const ok = !slots.failed && reader.diagnostics.length === before;
    return { set: ok ? set : undefined, diagnostics: slots.diagnostics };
}
function present(items) {
    return items.filter((item) => item !== undefined);
}

;// CONCATENATED MODULE: ./src/cases/read-request.ts

const REQUEST_KEYS = ['principal', 'action', 'resource', 'resourceAccount', 'context'];
function readRequest(reader, node, where) {
    if (node.kind !== 'object') {
        reader.problem(node, `${where}: a request must be an object, not ${describe(node)}`);
        return undefined;
    }
    const byKey = reader.members(node);
    reader.unknownKeys(byKey, REQUEST_KEYS, where);
    const principal = reader.stringMember(byKey, 'principal', where, node);
    const action = reader.stringMember(byKey, 'action', where, node);
    const resource = reader.stringMember(byKey, 'resource', where, node);
    const accountNode = byKey.get('resourceAccount')?.value;
    const resourceAccount = accountNode ? readAccount(reader, accountNode, where) : undefined;
    const contextNode = byKey.get('context')?.value;
    const context = contextNode ? readContext(reader, contextNode, where) : {};
    if (principal === undefined || action === undefined || resource === undefined)
        return undefined;
    if (context === undefined || (accountNode !== undefined && resourceAccount === undefined)) {
        return undefined;
    }
    return { principal, action, resource, context, ...(resourceAccount ? { resourceAccount } : {}) };
}
function readAccount(reader, node, where) {
    if (node.kind === 'string' && node.value !== '')
        return node.value;
    reader.problem(node, `${where}: \`resourceAccount\` must be an account id string, not ${describe(node)}`);
    return undefined;
}
function readContext(reader, node, where) {
    if (node.kind !== 'object') {
        reader.problem(node, `${where}: \`context\` must be an object of condition keys, not ${describe(node)}`);
        return undefined;
    }
    // A null-prototype record: keys such as `__proto__` are ordinary condition keys here.
    const context = Object.create(null);
    let ok = true;
    const folded = new Set();
    for (const [key, entry] of reader.members(node)) {
        const value = contextValue(entry.value);
        if (folded.has(key.toLowerCase())) {
            ok = false;
            reader.problem(entry.value, `${where}: context key ${(0,quote/* quote */.h)(key)} is given twice (keys are case-insensitive)`);
        }
        else if (value === undefined) {
            ok = false;
            const message = `${where}: context key ${(0,quote/* quote */.h)(key)}: values are strings, numbers, booleans or arrays of them, not ${describe(entry.value)}`;
            reader.problem(entry.value, message);
        }
        else
            context[key] = value;
        folded.add(key.toLowerCase());
    }
    return ok ? context : undefined;
}
function contextValue(node) {
    if (node.kind === 'array') {
        const values = node.items.map(scalar);
        return values.every((v) => v !== undefined) ? values : undefined;
    }
    return scalar(node);
}
function scalar(node) {
    switch (node.kind) {
        case 'string':
        case 'number':
        case 'boolean':
            return node.value;
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/cases/read-case.ts



const CASE_KEYS = ['id', 'policies', 'request', 'requests'];
const METADATA_KEYS = ['name', 'note', 'description', 'comment', 'tags'];
const isMetadata = (key) => METADATA_KEYS.includes(key) ||
    key.startsWith('expect') ||
    key.startsWith('_') ||
    key.startsWith('x-');
/** `index` is 0-based; the default id is `case-<index + 1>`. */
function readCase(reader, node, index) {
    const fallbackId = `case-${index + 1}`;
    if (node.kind !== 'object') {
        reader.problem(node, `case ${index + 1}: a case must be an object, not ${describe(node)}`);
        return invalid(fallbackId, false, reader);
    }
    const byKey = reader.members(node);
    const id = readId(reader, byKey.get('id')?.value, fallbackId);
    const where = `case ${(0,quote/* quote */.h)(id)}`;
    reader.unknownKeys(byKey, CASE_KEYS, where, isMetadata);
    const { requests, many } = readRequests(reader, byKey.get('request')?.value, byKey.get('requests')?.value, node, where);
    const policies = readPolicies(reader, byKey.get('policies')?.value, id);
    const errors = [
        ...reader.diagnostics,
        ...policies.diagnostics.filter((d) => d.severity === 'error')
    ];
    const warnings = policies.diagnostics.filter((d) => d.severity !== 'error');
    const valid = errors.length === 0 && policies.set !== undefined && requests !== undefined;
    return {
        id,
        many,
        set: valid ? policies.set : undefined,
        requests: valid ? requests : [],
        errors,
        warnings
    };
}
function invalid(id, many, reader) {
    return { id, many, set: undefined, requests: [], errors: [...reader.diagnostics], warnings: [] };
}
function readId(reader, node, fallback) {
    if (node === undefined)
        return fallback;
    if (node.kind === 'string' && node.value !== '')
        return node.value;
    reader.problem(node, `case ${(0,quote/* quote */.h)(fallback)}: \`id\` must be a non-empty string, not ${describe(node)}`);
    return fallback;
}
function readRequests(reader, one, many, owner, where) {
    if (one !== undefined && many !== undefined) {
        reader.problem(many, `${where}: give \`request\` or \`requests\`, not both`);
        return { requests: undefined, many: true };
    }
    if (one !== undefined) {
        const request = readRequest(reader, one, `${where}: request`);
        return { requests: request ? [request] : undefined, many: false };
    }
    if (many === undefined) {
        reader.problem(owner, `${where}: missing \`request\` (or \`requests\`)`);
        return { requests: undefined, many: false };
    }
    if (many.kind !== 'array' || many.items.length === 0) {
        const what = many.kind === 'array' ? 'an empty array' : describe(many);
        reader.problem(many, `${where}: \`requests\` must be a non-empty array of requests, not ${what}`);
        return { requests: undefined, many: true };
    }
    const requests = many.items.map((item, i) => readRequest(reader, item, `${where}: requests[${i}]`));
    const complete = requests.every((r) => r !== undefined);
    return { requests: complete ? requests : undefined, many: true };
}

// EXTERNAL MODULE: ./src/engine/context.ts
var context = __webpack_require__(6173);
// EXTERNAL MODULE: ./src/engine/request.ts
var engine_request = __webpack_require__(7915);
;// CONCATENATED MODULE: ./src/cases/read-plain-case.ts





/** The case's id and requests, or undefined when readCase would report a problem. */
function readPlainCase(value, index, catalog) {
    const keys = Object.keys(value);
    let properties = keys.length;
    for (const key of keys) {
        if (CASE_KEYS.includes(key))
            continue;
        if (!isMetadata(key))
            return undefined;
        properties += countProperties(value[key]);
    }
    const id = value.id === undefined ? `case-${index + 1}` : value.id;
    if (!isNonEmptyString(id))
        return undefined;
    const { request, requests } = value;
    if ((request === undefined) === (requests === undefined))
        return undefined;
    const items = requests === undefined ? [request] : requests;
    if (!Array.isArray(items) || items.length === 0)
        return undefined;
    const read = [];
    for (const item of items) {
        if (!isPlainObject(item))
            return undefined;
        const keys = requestKeys(item);
        if (keys < 0)
            return undefined;
        const given = (0,context/* givenContext */.Ht)(item.context === undefined ? {} : item.context);
        if (given === undefined)
            return undefined;
        const prepared = plainRequest(item, given, catalog);
        if (prepared === undefined)
            return undefined;
        properties += keys + given.size;
        read.push(prepared);
    }
    return { id, many: requests !== undefined, requests: read, properties };
}
/** How many keys a request object has, or -1 when one is not a request key. */
function requestKeys(item) {
    let count = 0;
    // for…in, not Object.keys: no array per request (JSON.parse objects inherit nothing enumerable)
    for (const key in item) {
        if (!Object.hasOwn(item, key) || !REQUEST_KEYS.includes(key))
            return -1;
        count++;
    }
    return count;
}
function plainRequest(value, given, catalog) {
    const { principal, action, resource, resourceAccount, context } = value;
    if (!isNonEmptyString(principal) || !isNonEmptyString(action) || !isNonEmptyString(resource)) {
        return undefined;
    }
    if (catalog !== undefined && !knownAction(catalog, action))
        return undefined;
    if (resourceAccount !== undefined && !isNonEmptyString(resourceAccount))
        return undefined;
    // one literal (no spread): every request has one hidden class
    const request = {
        principal,
        action,
        resource,
        context: (context ?? {}),
        resourceAccount
    };
    return (0,engine_request/* prepareGivenRequest */.oc)(request, given);
}
// A case file repeats a few hundred actions thousands of times: each is looked up once.
let knownFor;
const KNOWN = new Map();
function knownAction(catalog, action) {
    if (knownFor !== catalog) {
        knownFor = catalog;
        KNOWN.clear();
    }
    let known = KNOWN.get(action);
    if (known === undefined) {
        known = catalog.action(action) !== undefined;
        if (KNOWN.size >= 4096)
            KNOWN.clear();
        KNOWN.set(action, known);
    }
    return known;
}
/** Own properties of every object in a metadata value (the layout bounds its depth). */
function countProperties(value) {
    if (typeof value !== 'object' || value === null)
        return 0;
    const items = Array.isArray(value) ? value : Object.values(value);
    let count = Array.isArray(value) ? 0 : items.length;
    for (const item of items)
        count += countProperties(item);
    return count;
}
function isNonEmptyString(value) {
    return typeof value === 'string' && value !== '';
}

;// CONCATENATED MODULE: ./src/cases/run-case-file.ts










/** Case files hold many policies, so they may be larger than one policy file (2 MiB). */
const MAX_CASE_FILE_BYTES = 32 * 1024 * 1024;
/**
 * Well-formed files take the fast path (readPlainCases); any other file, and any case the fast
 * path does not accept, is read from the located tree, so every problem keeps its position.
 */
function runCaseFile(text, options) {
    return readPlainCases(text, options) ?? runLocated(text, options);
}
/** The reference reader: the whole file as a located tree (tests compare the fast path with it). */
function runLocated(text, options) {
    const { file } = options;
    const json = (0,located_json/* parseLocatedJson */.Ml)(text, { file, maxBytes: MAX_CASE_FILE_BYTES });
    const { root, lines } = json;
    const fatal = json.diagnostics.filter((d) => d.code !== 'json-duplicate-key');
    if (root === undefined || fatal.length > 0)
        return { diagnostics: fatal };
    if (root.kind !== 'array') {
        const reader = new CaseReader(lines, file);
        reader.problem(root, `a case file is a JSON array of cases, not ${describe(root)}`);
        return { diagnostics: reader.diagnostics };
    }
    const warnings = [];
    const results = root.items.map((node, index) => locatedCase(node, index, new CaseReader(lines, file), options, warnings));
    return { results, diagnostics: warnings };
}
/** One case read from its located tree: every problem is reported with its position. */
function locatedCase(node, index, reader, options, warnings) {
    const read = readCase(reader, node, index);
    const errors = options.catalog
        ? [...read.errors, ...unknownActions(options.catalog, node, reader.lines, reader.file)]
        : read.errors;
    warnings.push(...read.warnings);
    if (errors.length > 0 || read.set === undefined)
        return errorResult(read.id, errors);
    const decisions = decideAll(read.set, read.requests);
    return decisionResult(read.id, read.many, decisions, options.explain);
}
/**
 * The fast path: JSON.parse of each case and a check of its values, as readCase would check
 * them; only the policies (whose statements carry lines) are read from a located tree.
 * Undefined when the file is not a well-formed array of objects within the limits, or holds a
 * duplicate key: the located parser then reports what is wrong. A case the check does not
 * accept is read again from its located tree, with the same diagnostics as on the slow path.
 */
function readPlainCases(text, options) {
    if (!withinSize(text, options.bytes))
        return undefined;
    const layout = caseFileLayout(text);
    if (layout === undefined)
        return undefined;
    const warnings = [];
    const results = [];
    let whole;
    const wholeLines = () => (whole ??= new line_index/* LineIndex */.r(text));
    for (let index = 0; index < layout.caseStarts.length; index++) {
        const result = plainCase(text, layout, index, options, warnings, wholeLines);
        if (result === undefined)
            return undefined;
        results.push(result);
    }
    return { results, diagnostics: warnings };
}
/** Whether the text is within MAX_CASE_FILE_BYTES, without encoding it when the caller knows. */
function withinSize(text, bytes) {
    if (bytes !== undefined)
        return bytes <= MAX_CASE_FILE_BYTES;
    if (text.length > MAX_CASE_FILE_BYTES)
        return false;
    // UTF-8 takes at most three bytes per UTF-16 code unit
    return (text.length * 3 <= MAX_CASE_FILE_BYTES || Buffer.byteLength(text, 'utf8') <= MAX_CASE_FILE_BYTES);
}
function plainCase(text, layout, index, options, warnings, wholeLines) {
    const value = parseCase(text, layout, index);
    if (value === undefined)
        return undefined;
    const read = readPlainCase(value, index, options.catalog);
    // fewer properties than the text's keys: JSON.parse dropped a duplicate key, which the
    // located reader reports
    if (read === undefined || read.properties !== layout.caseKeys[index]) {
        const node = (0,located_json/* parseLocatedValue */.Rt)(text, layout.caseStarts[index] ?? -1, `/${index}`);
        if (node === undefined)
            return undefined;
        const reader = new CaseReader(wholeLines(), options.file);
        return locatedCase(node, index, reader, options, warnings);
    }
    const start = layout.policiesStarts[index];
    // positions are only ever asked for inside the policies: lines are counted from there
    const lines = start === undefined ? wholeLines() : new line_index/* LineIndex */.r(text, start);
    const reader = new CaseReader(lines, options.file);
    let policiesNode;
    if (value.policies !== undefined) {
        policiesNode =
            start === undefined ? undefined : (0,located_json/* parseLocatedValue */.Rt)(text, start.offset, `/${index}/policies`);
        if (policiesNode === undefined)
            return undefined;
    }
    const policies = readPolicies(reader, policiesNode, read.id);
    const errors = [
        ...reader.diagnostics,
        ...policies.diagnostics.filter((d) => d.severity === 'error')
    ];
    warnings.push(...policies.diagnostics.filter((d) => d.severity !== 'error'));
    if (errors.length > 0 || policies.set === undefined)
        return errorResult(read.id, errors);
    const compiled = (0,evaluate/* compilePolicySet */.uY)(policies.set);
    const decisions = read.requests.map((request) => (0,evaluate/* evaluateCompiled */.HL)(compiled, request));
    return decisionResult(read.id, read.many, decisions, options.explain);
}
/** The policies are compiled once per case, however many requests it has. */
function decideAll(set, requests) {
    const compiled = (0,evaluate/* compilePolicySet */.uY)(set);
    return requests.map((request) => (0,evaluate/* evaluateCompiled */.HL)(compiled, (0,evaluate/* prepareRequest */.nd)(request)));
}

// EXTERNAL MODULE: ./src/catalog/load-catalog.ts + 1 modules
var load_catalog = __webpack_require__(8746);
// EXTERNAL MODULE: ./src/cli/arguments.ts + 1 modules
var cli_arguments = __webpack_require__(2544);
;// CONCATENATED MODULE: ./src/cli/evaluate-command.ts
// `iam-policy-diff evaluate FILE|-`: an offline policy simulator over a JSON case file. Exit 0
// when the input was readable (cases with invalid policies come out as `Error`), 2 when not.






const EVALUATE_USAGE = `usage: iam-policy-diff evaluate FILE|- [--explain] [--pretty] [--allow-unknown-actions]

decides every request of a JSON array of cases and prints one result per case as JSON

arguments:
  FILE        the case file; - reads standard input

options:
  --explain   add the determining statements, the reason and any evaluation issues
  --pretty    indent the JSON output
  --allow-unknown-actions
              decide request actions missing from the IAM catalogue (default: the case is an
              Error, with a did-you-mean suggestion)
  -h, --help  show this help

exit codes: 0 the file was read (cases with invalid policies print as Error), 2 unreadable input
`;
const OPTIONS = {
    explain: { type: 'boolean' },
    pretty: { type: 'boolean' },
    'allow-unknown-actions': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
};
async function runEvaluateCommand(args, io) {
    const parsed = (0,cli_arguments/* parseArguments */.W)(args, OPTIONS);
    if (typeof parsed === 'string')
        return usageError(io, parsed);
    if (parsed.values.help === true) {
        io.stdout(EVALUATE_USAGE);
        return 0;
    }
    const [file, ...extra] = parsed.positionals;
    if (file === undefined)
        return usageError(io, 'missing case file (use `-` for stdin)');
    if (extra.length > 0)
        return usageError(io, `unexpected argument \`${extra[0] ?? ''}\``);
    const name = file === '-' ? '<stdin>' : file;
    const read = file === '-' ? await io.readStdin() : readCaseFile((0,external_node_path_.resolve)(io.cwd, file));
    if (typeof read !== 'string' && 'message' in read) {
        return reportUnreadable(io, [unreadable(name, read.message)]);
    }
    const { text, bytes } = typeof read === 'string' ? { text: read, bytes: undefined } : read;
    const catalog = parsed.values['allow-unknown-actions'] === true ? undefined : (0,load_catalog/* loadCatalog */.ak)();
    const explain = parsed.values.explain === true;
    const { results, diagnostics } = runCaseFile(text, { file: name, explain, catalog, bytes });
    if (results === undefined)
        return reportUnreadable(io, diagnostics);
    // warnings about readable cases go to stderr, so stdout stays one JSON document
    for (const d of diagnostics)
        io.stderr(`iam-policy-diff evaluate: ${(0,diagnostic/* formatDiagnostic */.xy)(d)}\n`);
    io.stdout(formatResults(results, parsed.values.pretty === true));
    return 0;
}
/** Default: one case per line (greppable, diff-friendly); --pretty: fully indented. */
function formatResults(results, pretty) {
    if (pretty)
        return `${JSON.stringify(results, null, 2)}\n`;
    if (results.length === 0)
        return '[]\n';
    return `[\n${results.map((result) => JSON.stringify(result)).join(',\n')}\n]\n`;
}
/** The text and its size in bytes (the reader's size limit then needs no second encoding). */
function readCaseFile(path) {
    try {
        // one synchronous read: the promise API reads a large file in 512 KiB pieces
        const buffer = (0,external_node_fs_.readFileSync)(path);
        const text = buffer.toString('utf8');
        // invalid UTF-8 decodes to U+FFFD (3 bytes each): the size is then the text's, as for stdin
        return { text, bytes: text.includes('\uFFFD') ? Buffer.byteLength(text) : buffer.length };
    }
    catch (error) {
        return { message: readErrorMessage(error) };
    }
}
function readErrorMessage(error) {
    switch (error.code) {
        case 'ENOENT':
            return 'no such file';
        case 'EISDIR':
            return 'is a directory, not a case file';
        case 'EACCES':
            return 'permission denied';
        default:
            return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
    }
}
function unreadable(file, message) {
    return (0,diagnostic/* diagnostic */.YK)('file-unreadable', { file, message });
}
function reportUnreadable(io, diagnostics) {
    const lines = diagnostics.map((d) => `iam-policy-diff evaluate: ${(0,diagnostic/* formatDiagnostic */.xy)(d)}\n`);
    io.stderr(lines.length > 0 ? lines.join('') : 'iam-policy-diff evaluate: unreadable input\n');
    return 2;
}
function usageError(io, message) {
    io.stderr(`iam-policy-diff evaluate: ${message}\nrun \`iam-policy-diff evaluate --help\` for usage\n`);
    return 2;
}


/***/ })

};

//# sourceMappingURL=47.index.js.map