// A faithful preview of a Slack message: Block Kit's header, section, context, actions and divider blocks drawn as
// the Slack client draws them, plain_text exactly as written and mrkdwn with Slack's rules (*bold*, _italic_,
// ~strike~, `code`, ```preformatted```, > quotes, <url|label> links, <!here> mentions, &amp; &lt; &gt; escapes).
// Everything is built with DOM nodes and text: nothing from a message becomes HTML.

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const decode = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Bold, italic, strike and code inside one run of text (no nesting, as Slack mostly renders it). */
function inline(text) {
  const out = [];
  const pattern = /(^|[\s([{"'])(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~|`[^`\n]+`)(?=$|[\s)\]}.,;:!?"'])/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index + match[1].length;
    if (start > last) out.push(decode(text.slice(last, start)));
    const token = match[2];
    const inner = decode(token.slice(1, -1));
    out.push(el({ '*': 'strong', _: 'em', '~': 's', '`': 'code' }[token[0]], 'mrkdwn-' + { '*': 'bold', _: 'italic', '~': 'strike', '`': 'code' }[token[0]], inner));
    last = start + token.length;
  }
  if (last < text.length) out.push(decode(text.slice(last)));
  return out;
}

/** One line of mrkdwn: <…> control sequences first (links, mentions), formatting in the text between. */
function line(text) {
  const out = [];
  let last = 0;
  for (const match of text.matchAll(/<([^<>\n]+)>/g)) {
    if (match.index > last) out.push(...inline(text.slice(last, match.index)));
    const [target, label] = match[1].split('|', 2);
    if (target.startsWith('!')) out.push(el('span', 'mention', '@' + (label ?? target.slice(1).split('^')[0])));
    else if (target.startsWith('@')) out.push(el('span', 'mention', '@' + (label ?? target.slice(1))));
    else if (target.startsWith('#')) out.push(el('span', 'mention', '#' + (label ?? target.slice(1))));
    else {
      const link = el('a', 'mrkdwn-link', decode(label ?? target));
      if (/^(https?:|mailto:)/i.test(target)) link.href = decode(target);
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      out.push(link);
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(...inline(text.slice(last)));
  return out;
}

function mrkdwn(text) {
  const box = el('div', 'mrkdwn');
  const blocks = text.split(/```/);
  blocks.forEach((part, i) => {
    if (i % 2 === 1) {
      box.append(el('pre', 'mrkdwn-pre', decode(part)));
      return;
    }
    part.split('\n').forEach((row, j, rows) => {
      if (row.startsWith('&gt;') || row.startsWith('>')) box.append(el('blockquote', null, ...line(row.replace(/^(&gt;|>)\s?/, ''))));
      else {
        box.append(...line(row));
        if (j < rows.length - 1) box.append(el('br'));
      }
    });
  });
  return box;
}

/** A text object as Slack shows it: plain_text exactly as written, mrkdwn formatted. */
export function textObject(object, className = 'text') {
  if (!object || typeof object.text !== 'string') return el('div', className);
  if (object.type === 'mrkdwn' && object.verbatim !== true) {
    const box = mrkdwn(object.text);
    box.classList.add(className);
    return box;
  }
  const box = el('div', className + ' plain-text');
  box.textContent = object.type === 'mrkdwn' ? decode(object.text) : object.text;
  return box;
}

function block(b) {
  switch (b?.type) {
    case 'header':
      return el('div', 'slack-block slack-header', textObject(b.text, 'header-text'));
    case 'section':
      return el('div', 'slack-block slack-section',
        b.text ? textObject(b.text) : null,
        Array.isArray(b.fields) ? el('div', 'slack-fields', ...b.fields.map((f) => textObject(f, 'field'))) : null);
    case 'context':
      return el('div', 'slack-block slack-context', ...(b.elements ?? []).map((e) => (e?.type === 'image' ? el('span', 'context-image', '🖼') : textObject(e, 'context-text'))));
    case 'actions':
      return el('div', 'slack-block slack-actions', ...(b.elements ?? []).map((e) => {
        const label = e?.text?.text ?? '';
        if (e?.type === 'button' && typeof e.url === 'string' && /^https?:\/\//i.test(e.url)) {
          const a = el('a', 'slack-button' + (e.style ? ' slack-button-' + e.style : ''), label);
          a.href = e.url;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          return a;
        }
        return el('span', 'slack-button', label);
      }));
    case 'divider':
      return el('hr', 'slack-block slack-divider');
    default:
      return el('div', 'slack-block slack-unknown', `(a ${b?.type ?? 'typeless'} block this preview does not draw)`);
  }
}

/** The message as it sits in a channel: the app's name and time, then its blocks (or its text when it has none). */
export function renderSlackBlocks(payload, appName = 'Keep it Local advisor') {
  const body = Array.isArray(payload.blocks) && payload.blocks.length > 0
    ? payload.blocks.map(block)
    : [textObject({ type: 'mrkdwn', text: String(payload.text ?? '') })];
  return el('div', 'slack-message',
    el('div', 'slack-avatar', 'KiL'),
    el('div', 'slack-content', el('div', 'slack-sender', el('strong', null, appName), el('span', 'slack-app', 'APP')), ...body));
}
