// Lit keeps `html` and `css` templates as written, indentation included. This rollup plugin
// collapses the whitespace in their static text (and comments in CSS) the way an HTML or CSS
// minifier would: a run of whitespace that contains a line break renders as one space in HTML,
// and CSS ignores it. It only touches this package's sources, after TypeScript is compiled.

/** Rewrites the static parts of every template literal in `code` with `fix`. */
export function mapTemplateText(code, fix) {
  let out = '';
  let i = 0;
  const stack = []; // for each open `${`: the brace depth where it closes, and the tag
  const tags = [];
  let depth = 0;
  while (i < code.length) {
    const c = code[i];
    const inTemplate = stack.length > 0 && stack[stack.length - 1] === depth && c === '}';
    if (c === '`' || inTemplate) {
      // Scan template text up to the closing backtick or the next `${`.
      let tag;
      if (inTemplate) {
        stack.pop();
        tag = tags.pop();
      } else tag = /(\w+)\s*$/.exec(out)?.[1];
      let j = i + 1;
      let text = '';
      while (j < code.length && code[j] !== '`' && !(code[j] === '$' && code[j + 1] === '{')) {
        if (code[j] === '\\') {
          text += code[j] + code[j + 1];
          j += 2;
        } else text += code[j++];
      }
      out += c + fix(text, tag);
      if (code[j] === '`') {
        out += '`';
        i = j + 1;
      } else {
        out += '${';
        stack.push(depth);
        tags.push(tag);
        i = j + 2;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      i = end < 0 ? code.length : end;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i) + 2;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') depth--;
    out += c;
    i++;
  }
  return out;
}

function collapse(text, tag) {
  if (tag !== 'css') return tag === 'html' ? text.replace(/\s*\n\s*/g, ' ') : text;
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/([\w)-]):\s+/g, '$1:')
    .replace(/;}/g, '}')
    .replace(/\s+!important/g, '!important')
    .replace(/([ :,(])0\.(\d)/g, '$1.$2');
}

export function minifyTemplatesPlugin() {
  return {
    name: 'minify-template-literals',
    transform(code, id) {
      if (!/\/packages\/elements\/src\/.*\.ts$/.test(id) || !code.includes('`')) return null;
      return { code: mapTemplateText(code, collapse), map: null };
    },
  };
}
