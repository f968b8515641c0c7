import fc from 'fast-check';
import { cleanRichTranslations } from '@aula/server/core';
import { sanitiseRichText } from './rich-text.sanitiser';

describe('sanitiseRichText', () => {
  it('keeps document markup', () => {
    const html =
      '<h2>Objetivos</h2><p>Texto con <strong>énfasis</strong>, <em>cursiva</em> y <code>x = 1</code>.</p>' +
      '<ul><li>uno</li></ul><ol start="3"><li>tres</li></ol><blockquote>cita</blockquote><pre><code>let a;</code></pre>' +
      '<table><thead><tr><th scope="col">Región</th></tr></thead><tbody><tr><td colspan="2">Biobío</td></tr></tbody></table>';
    expect(sanitiseRichText(html)).toBe(html);
  });

  it('removes scripts and styles with their content', () => {
    expect(sanitiseRichText('<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>')).toBe(
      '<p>a</p><p>b</p>',
    );
    expect(
      sanitiseRichText(
        '<svg onload="alert(1)"><script>alert(2)</script></svg><iframe src="https://evil.example"></iframe>x',
      ),
    ).toBe('x');
  });

  it('removes event handlers, styles and classes', () => {
    expect(sanitiseRichText('<p onclick="alert(1)" style="color:red" class="x">t</p>')).toBe('<p>t</p>');
    expect(sanitiseRichText('<img src="https://cdn.example/a.png" onerror="alert(1)" alt="map">')).toBe(
      '<img alt="map" src="https://cdn.example/a.png" />',
    );
  });

  it('keeps http, https and mailto links, marks web links noopener', () => {
    expect(sanitiseRichText('<a href="https://cepal.org/x" onclick="x()">CEPAL</a>')).toBe(
      '<a href="https://cepal.org/x" rel="noopener noreferrer" target="_blank">CEPAL</a>',
    );
    expect(sanitiseRichText('<a href="mailto:ana@example.org">Ana</a>')).toBe(
      '<a href="mailto:ana@example.org">Ana</a>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative/path',
  ])('drops the link address %s but keeps the text', (href) => {
    expect(sanitiseRichText(`<a href="${href}">go</a>`)).toBe('<a>go</a>');
  });

  it('drops images without an http(s) address', () => {
    expect(
      sanitiseRichText('<p>x<img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA"></p>'),
    ).toBe('<p>x</p>');
  });

  it('escapes text that only looks like markup and leaves unknown tags as text', () => {
    expect(sanitiseRichText('<p>1 &lt; 2 &amp; <b>3</b></p>')).toBe('<p>1 &lt; 2 &amp; <b>3</b></p>');
    expect(sanitiseRichText('<div><span>hola</span></div>')).toBe('hola');
    expect(sanitiseRichText('<form action="https://x"><input value="y">z</form>')).toBe('z');
  });
});

describe('sanitiseRichText under property-based fuzzing', () => {
  // Fragments attackers combine: tags, handlers, schemes hidden by entities, whitespace and case.
  const fragment = fc.constantFrom(
    '<script>',
    '</script>',
    '<scr',
    'ipt>',
    '<img src=x onerror=alert(1)>',
    '<a href="',
    'javascript:',
    'java&#x09;script:',
    '&#106;avascript:',
    'JaVaScRiPt:',
    '">',
    '<svg onload=alert(1)>',
    '<iframe srcdoc="<script>x</script>">',
    '<p onclick="x()">',
    '<style>',
    '</style>',
    '<!--',
    '-->',
    '<math><mi xlink:href="javascript:alert(1)">',
    '<a href="https://ok.example">',
    '</a>',
    '<p>',
    '</p>',
    ' ',
    '\n',
    '<',
    '>',
    '"',
    "'",
    '=',
    'text',
    '<details open ontoggle=alert(1)>',
    '<object data="javascript:x">',
    '<embed src="data:text/html,x">',
    '<form><button formaction="javascript:x">',
  );
  const html = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

  it('never lets a script, an event handler or a javascript: address through', () => {
    fc.assert(
      fc.property(html, (dirty) => {
        const clean = sanitiseRichText(dirty);
        expect(clean).not.toMatch(/<\s*(script|style|iframe|svg|math|object|embed|form|button|details)\b/i);
        expect(clean).not.toMatch(/<[^>]*\son\w+\s*=/i);
        expect(clean).not.toMatch(
          /(href|src|action|formaction|data)\s*=\s*["']?\s*(javascript|data|vbscript):/i,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('is stable for a paragraph broken open inside another', () => {
    const once = sanitiseRichText('<p onclick="x()"><scr<script><p>');
    expect(once).not.toContain('onclick');
    expect(sanitiseRichText(once)).toBe(once);
  });

  it('is stable: cleaning clean text changes nothing', () => {
    fc.assert(
      fc.property(html, (dirty) => {
        const once = sanitiseRichText(dirty);
        expect(sanitiseRichText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cleanRichTranslations', () => {
  it('sanitises every language and drops those left without content', () => {
    expect(cleanRichTranslations({ en: '<p>Hi</p><script>x()</script>', es: '<script>x()</script>', pt: '<p> &nbsp;</p>' }, sanitiseRichText)).toEqual({
      en: '<p>Hi</p>',
    });
  });

  it('counts an image alone as content', () => {
    expect(cleanRichTranslations({ en: '<p><img src="https://x.example/a.png"></p>' }, sanitiseRichText)).toEqual({
      en: '<p><img src="https://x.example/a.png" /></p>',
    });
  });
});
