import sanitizeHtml from 'sanitize-html';

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
const IMAGE_SCHEMES = ['http:', 'https:'];

/** Absolute URLs of the given schemes only: relative, protocol-relative and `javascript:` are refused. */
function hasScheme(value: string | undefined, schemes: string[]): value is string {
  if (!value) return false;
  try {
    return schemes.includes(new URL(value.trim()).protocol);
  } catch {
    return false;
  }
}

const OPTIONS: sanitizeHtml.IOptions = {
  // prettier-ignore
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'a', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small',
    'blockquote', 'code', 'pre', 'img', 'figure', 'figcaption',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start', 'reversed'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // Script and style contents go with their tags; other unknown tags leave their text behind.
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'template',
  ],
  transformTags: {
    a: (tagName, attribs) => {
      const { href, title } = attribs;
      const safe: sanitizeHtml.Attributes = title ? { title } : {};
      if (hasScheme(href, LINK_SCHEMES)) {
        safe['href'] = href.trim();
        // Links leave the platform in a new tab without handing it `window.opener`.
        if (!href.trim().startsWith('mailto:'))
          Object.assign(safe, { rel: 'noopener noreferrer', target: '_blank' });
      }
      return { tagName, attribs: safe };
    },
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: hasScheme(src, IMAGE_SCHEMES) ? { ...rest, src: src.trim() } : rest };
    },
  },
  // An image without an acceptable address is dropped rather than left broken.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
};

/**
 * Page bodies and descriptions are HTML written by administrators and shown to every learner:
 * only document markup survives (headings, paragraphs, lists, links, emphasis, quotes, code,
 * images, tables). Scripts, styles, event handlers, frames and `javascript:`/`data:` URLs go.
 */
export function sanitiseRichText(html: string): string {
  // One pass can leave markup that reads differently when parsed again (a <p> inside a <p>, from
  // broken input): clean until it no longer changes, so saving clean text never alters it.
  let clean = sanitizeHtml(html, OPTIONS).trim();
  for (let pass = 0; pass < 4; pass += 1) {
    const again = sanitizeHtml(clean, OPTIONS).trim();
    if (again === clean) break;
    clean = again;
  }
  return clean;
}
