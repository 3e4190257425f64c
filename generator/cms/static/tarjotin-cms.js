// The form editor's own code: the catalogue's YAML format, the area field, the
// service preview and the Finnish interface, registered with Decap CMS before it
// starts. Everything catalogue-specific (labels, names, field orders, the Finnish
// phrases) comes from tarjotin-data.js, which `tarjotin edit install` generates
// from the models and the catalogue; nothing here names a field's wording.
import * as YAML from './vendor/yaml/index.js';
import { DATA } from './tarjotin-data.js';

const CMS = window.CMS;
const h = window.h;
const createClass = window.createClass;

// --- the YAML format ----------------------------------------------------------------
//
// Decap's own YAML format rewrites a whole file from its data: comments (the
// schema line on the first line too), flow lists and block styles are lost, so
// changing one field would rewrite every line. This format keeps the text it
// read (under SOURCE, which it never writes) and, on saving, replaces only the
// top-level fields whose values changed, rendered as `tarjotin fmt` writes them;
// every other line stays byte for byte. A new file gets the schema line and the
// model's key order.

const SOURCE = '__tarjotin_source';
const RENDER = {
  lineWidth: 0, // never fold long lines: editors' line breaks are their own
  indent: 2,
  indentSeq: true,
  blockQuote: 'literal',
  flowCollectionPadding: false,
  defaultKeyType: 'PLAIN',
  defaultStringType: 'PLAIN',
};

function plain(value) {
  return value && typeof value.toJS === 'function' ? value.toJS() : value;
}

/** The value without what a form leaves behind for "nothing": '', null, [] and {}. */
function prune(value) {
  value = plain(value);
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter(item => item !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === SOURCE) continue;
      const kept = prune(item);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (typeof value === 'string' && value.includes('\n')) {
    // Multi-line text is written as a `|` block, which ends in one line break.
    return value.replace(/\s+$/, '') + '\n';
  }
  return value;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The model's field order for a file with these top-level fields. */
function orderTree(keys) {
  return DATA.orders[keys.join(',')] || null;
}

function ordered(value, tree) {
  if (Array.isArray(value)) return value.map(item => ordered(item, tree));
  if (!value || typeof value !== 'object' || !tree) return value;
  const order = tree.order;
  const keys = Object.keys(value).sort((a, b) => {
    const i = order.indexOf(a);
    const j = order.indexOf(b);
    return (i < 0 ? order.length : i) - (j < 0 ? order.length : j);
  });
  const out = {};
  for (const key of keys) out[key] = ordered(value[key], (tree.children || {})[key]);
  return out;
}

/** Lists of plain values on one line (`[a, b]`), as the catalogue writes them. */
function styleNode(node) {
  if (YAML.isSeq(node)) {
    node.flow = node.items.every(item => YAML.isScalar(item));
    node.items.forEach(styleNode);
  } else if (YAML.isMap(node)) {
    node.items.forEach(pair => styleNode(pair.value));
  }
}

function renderPair(key, value) {
  const doc = new YAML.Document({ [key]: value }, { version: '1.2' });
  styleNode(doc.contents);
  return doc.toString(RENDER);
}

function freshText(data, tree, keys) {
  const comment = DATA.schemaComments[keys.join(',')];
  const order = tree ? tree.order : Object.keys(data);
  const rest = Object.keys(data).filter(key => !order.includes(key));
  const body = [...order, ...rest]
    .filter(key => key in data)
    .map(key => renderPair(key, data[key]))
    .join('');
  return (comment ? comment + '\n' : '') + body;
}

/** The source cut at its top-level keys: [{key, comments, body}], plus what comes before the first. */
function segments(source, doc) {
  const lines = source.match(/[^\n]*\n|[^\n]+$/g) || [];
  const keyLines = [];
  lines.forEach((line, index) => {
    if (/^[^\s#]/.test(line) && !/^(---|\.\.\.)(\s|$)/.test(line)) keyLines.push(index);
  });
  const items = YAML.isMap(doc.contents) ? doc.contents.items : [];
  if (items.length !== keyLines.length) return null;
  // Comment lines right above a key belong to it (the schema line on line 1 to the file).
  const commentStarts = keyLines.map((start, i) => {
    let first = start;
    while (first > 0 && /^#/.test(lines[first - 1]) && !(first - 1 === 0 && /yaml-language-server/.test(lines[0]))) {
      first -= 1;
    }
    return i === 0 ? first : Math.max(first, keyLines[i - 1] + 1);
  });
  const headEnd = keyLines.length ? commentStarts[0] : lines.length;
  const parts = keyLines.map((start, i) => {
    const next = i + 1 < keyLines.length ? commentStarts[i + 1] : lines.length;
    // Blank lines and column-0 comments after a value stay when the value is rewritten.
    let end = next;
    while (end > start + 1 && /^(#.*)?\s*$/.test(lines[end - 1])) end -= 1;
    const key = items[i].key;
    return {
      key: String(key && key.value !== undefined ? key.value : key),
      comments: lines.slice(commentStarts[i], start).join(''),
      body: lines.slice(start, end).join(''),
      trailing: lines.slice(end, next).join(''),
    };
  });
  return { head: lines.slice(0, headEnd).join(''), parts };
}

function splice(source, data, tree) {
  const doc = YAML.parseDocument(source, { version: '1.2' });
  if (doc.errors.length) return null;
  const before = prune(doc.toJS()) || {};
  if (same(before, data)) return source;
  const cut = segments(source, doc);
  if (!cut) return null;
  const order = tree ? tree.order : Object.keys(data);
  const index = key => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  const out = [cut.head];
  const written = new Set();
  const addNew = upTo => {
    for (const key of order) {
      if (index(key) >= upTo) break;
      if (key in data && !(key in before) && !written.has(key)) {
        out.push(renderPair(key, data[key]));
        written.add(key);
      }
    }
  };
  for (const part of cut.parts) {
    addNew(index(part.key));
    written.add(part.key);
    if (!(part.key in data)) continue; // removed: its comments go with it
    out.push(part.comments);
    out.push(same(before[part.key], data[part.key]) ? part.body : renderPair(part.key, data[part.key]));
    out.push(part.trailing);
  }
  addNew(Infinity);
  for (const key of Object.keys(data)) {
    if (!written.has(key)) out.push(renderPair(key, data[key]));
  }
  return out.join('');
}

const catalogueYaml = {
  fromFile(content) {
    const doc = YAML.parseDocument(content || '', { version: '1.2', uniqueKeys: true });
    if (doc.errors.length) {
      throw new Error('YAML-virhe: ' + doc.errors.map(error => error.message).join('\n'));
    }
    const data = doc.toJS() || {};
    data[SOURCE] = content;
    return data;
  },
  toFile(raw, sortedKeys = []) {
    const tree = orderTree(sortedKeys);
    const data = ordered(prune(raw) || {}, tree);
    const source = raw && raw[SOURCE];
    let text = source ? splice(source, data, tree) : null;
    // Whatever was spliced must read back as exactly the form's data; if not, write it afresh.
    if (text === null || !same(prune(YAML.parse(text, { version: '1.2' })) || {}, data)) {
      text = freshText(data, tree, sortedKeys);
    }
    return text;
  },
};

// --- the area: the whole region, or some municipalities ------------------------------

const AreaControl = createClass({
  toggleRegion(event) {
    this.props.onChange(event.target.checked ? 'region' : []);
  },
  toggle(id, checked) {
    const value = plain(this.props.value);
    const chosen = new Set(Array.isArray(value) ? value : []);
    if (checked) chosen.add(id);
    else chosen.delete(id);
    // In the region's order, as region.yml lists them.
    this.props.onChange(DATA.municipalities.map(m => m.value).filter(m => chosen.has(m)));
  },
  render() {
    const value = plain(this.props.value);
    const whole = value === 'region';
    const chosen = Array.isArray(value) ? value : [];
    const id = this.props.forID;
    const box = (key, label, checked, onChange, disabled) =>
      h(
        'label',
        { key, className: 'tarjotin-area__choice' },
        h('input', { type: 'checkbox', checked, disabled, onChange, id: `${id}-${key}` }),
        ' ',
        label,
      );
    return h(
      'div',
      { id, className: `${this.props.classNameWrapper} tarjotin-area`, role: 'group', 'aria-label': DATA.labels.area },
      box('region', DATA.wholeRegion, whole, event => this.toggleRegion(event), false),
      ...DATA.municipalities.map(m =>
        box(m.value, m.label, chosen.includes(m.value), event => this.toggle(m.value, event.target.checked), whole),
      ),
    );
  },
});

function areaText(value) {
  value = plain(value);
  if (value === 'region') return DATA.wholeRegion;
  const names = Object.fromEntries(DATA.municipalities.map(m => [m.value, m.label]));
  return (Array.isArray(value) ? value : []).map(id => names[id] || id).join(', ');
}

const AreaPreview = createClass({
  render() {
    return h('span', {}, areaText(this.props.value));
  },
});

// --- the service preview: the page as citizens will see it ---------------------------

const SECTIONS = ['what', 'why', 'how', 'for_whom'];

const ServicePreview = createClass({
  render() {
    const data = plain(this.props.entry.get('data')) || {};
    const L = DATA.labels;
    const themes = (data.themes || []).map(id => DATA.themes[id] || id);
    const routes = ((data.access || {}).routes || []).map(route => L[`access_${route}`] || route);
    const facts = [
      [L.area, areaText(data.area)],
      [L.provider, DATA.providers[data.provider] || data.provider || ''],
    ];
    if (routes.length) facts.push([L.access_fact, routes.join('; ')]);
    const fact = ([term, detail]) => [h('dt', { key: `t-${term}` }, term), h('dd', { key: `d-${term}` }, detail)];
    const children = [h('h1', { key: 'name' }, data.name || '')];
    if (data.summary) children.push(h('p', { key: 'summary', className: 'tarjotin-lead' }, data.summary));
    if (themes.length) {
      children.push(
        h('ul', { key: 'themes', className: 'tarjotin-chips', 'aria-label': L.themes },
          themes.map(name => h('li', { key: name }, h('span', { className: 'tarjotin-chip' }, name)))),
      );
    }
    children.push(h('dl', { key: 'facts', className: 'tarjotin-facts' }, facts.flatMap(fact)));
    for (const key of SECTIONS) {
      if (!data[key]) continue;
      children.push(h('h2', { key: `h-${key}` }, L[key]), h('div', { key: `s-${key}` }, this.props.widgetFor(key)));
    }
    if (routes.length) {
      children.push(
        h('h2', { key: 'access' }, L.access_heading),
        h('ul', { key: 'routes' }, routes.map(route => h('li', { key: route }, route))),
      );
    }
    if ((data.contacts || []).length) {
      children.push(h('h2', { key: 'contacts' }, L.contacts));
      data.contacts.forEach((contact, i) => {
        const lines = [
          [L.address, contact.address],
          [L.phone, contact.phone],
          [L.email, contact.email],
          [L.website, contact.url],
          [L.opening_hours, (contact.opening_hours || []).join('; ')],
        ].filter(([, detail]) => detail);
        children.push(
          h('div', { key: `c-${i}`, className: 'tarjotin-contact' },
            h('p', {}, h('strong', {}, contact.name || '')),
            h('ul', {}, lines.map(([term, detail]) => h('li', { key: term }, `${term}: ${detail}`)))),
        );
      });
    }
    if ((data.links || []).length) {
      children.push(
        h('h2', { key: 'links' }, L.links),
        h('ul', { key: 'link-list' }, data.links.map((link, i) => h('li', { key: i }, h('a', { href: link.url }, link.title)))),
      );
    }
    if ((data.related || []).length) {
      children.push(
        h('h2', { key: 'related' }, L.related),
        h('ul', { key: 'related-list' }, data.related.map(id => h('li', { key: id }, id))),
      );
    }
    return h('article', { className: 'md-typeset tarjotin-service', lang: 'fi' }, children);
  },
});

CMS.registerLocale('fi', DATA.locale);
CMS.registerCustomFormat('yaml', 'yml', catalogueYaml);
CMS.registerCustomFormat('yml', 'yml', catalogueYaml);
CMS.registerWidget(DATA.areaWidget, AreaControl, AreaPreview);
CMS.registerPreviewTemplate('services', ServicePreview);
for (const href of DATA.previewStyles) CMS.registerPreviewStyle(href);
CMS.init();
