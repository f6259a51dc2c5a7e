/**
 * Strings that break careless software, one or more from each family of the Big List of Naughty
 * Strings (which the ONS runner tests with `test_big_list_naughty_strings.json`; the list itself
 * is not in the repository, so these are typed here): reserved words, numbers, special and
 * control characters, Unicode of every kind, markup and script injection, template syntax of our
 * own engine (Nunjucks) and our placeholders, SQL, shell and path injection, and prototype keys.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  // Reserved strings
  'undefined',
  'null',
  'NULL',
  '(null)',
  'nil',
  'true',
  'None',
  'hasOwnProperty',
  '__proto__',
  'constructor',
  '\\',
  '\\\\',
  // Numbers
  '0',
  '-0',
  '1e309',
  '0x0',
  'NaN',
  'Infinity',
  '999999999999999999999999999999999999999999',
  '1/0',
  // Special characters
  ",./;'[]\\-=",
  '<>?:"{}|_+',
  '!@#$%^&*()`~',
  "\"'\"'\"''''\"",
  '&amp; &lt; &gt; &quot; &#39; &nbsp;',
  // Control characters, line breaks and whitespace
  'before\u0000after',
  'bell\u0007 and escape\u001b[31m red',
  'tab\there',
  'line one\r\nline two\rline three\nline four',
  '   leading and trailing spaces   ',
  '\u00a0non-breaking\u00a0spaces\u00a0',
  'line\u2028separator and paragraph\u2029separator',
  'zero\u200bwidth\u200cjoiners\u200d\ufeff',
  // Unicode
  'Ω≈ç√∫˜µ≤≥÷',
  'åß∂ƒ©˙∆˚¬…æ',
  '田中さんにあげて下さい',
  '表ポあA鷗ŒéＢ逍Üßªąñ丂㐀𠀀',
  '👾 🙇 💁 🙅 🙆 🙋 🙎 🙍 ❤️ 💔 🇬🇧🏴󠁧󠁢󠁷󠁬󠁳󠁿',
  '𝐓𝐡𝐞 𝐪𝐮𝐢𝐜𝐤 𝐛𝐫𝐨𝐰𝐧 𝐟𝐨𝐱',
  'Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳',
  'مرحبا بالعالم שלום עולם',
  '\u202eright-to-left override\u202c',
  'İstanbul ǅ ß ﬃ',
  'Pen\u0308 y Bont Cymraeg: ŵ ŷ â',
  // Markup and script injection
  '<script>alert(123)</script>',
  '<img src=x onerror=alert(123) />',
  '<svg><script>123<1>alert(123)</script>',
  '"><script>alert(123)</script>',
  "'><script>alert(123)</script>",
  '</textarea><script>alert(123)</script>',
  '</title><script>alert(123)</script>',
  '<iframe src="javascript:alert(123)"></iframe>',
  '<a href="javascript:alert(123)">click</a>',
  '<style>body{display:none}</style>',
  '<!-- comment --><![CDATA[data]]>',
  '<b onmouseover=alert(123)>bold</b>',
  '&lt;script&gt;alert(&#39;123&#39;);&lt;/script&gt;',
  '<scr<script>ipt>alert(123)</scr</script>ipt>',
  'javascript:alert(123)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxMjMpPC9zY3JpcHQ+',
  // Template syntax: Nunjucks, other engines, our placeholders
  '{{ 7*7 }}',
  '{% raw %}{{ 7*7 }}{% endraw %}',
  '{{ range.constructor("return process")() }}',
  '{# comment #}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax typed as an answer, on purpose
  '${7*7}',
  '#{7*7}',
  '{first}',
  '{0} %s %d %n',
  // SQL, shell and path injection
  "1'; DROP TABLE users-- 1",
  "' OR 1=1 -- 1",
  '$(touch /tmp/hostile)',
  '`touch /tmp/hostile`',
  '$HOME',
  '../../../../../../etc/passwd%00',
  '%2e%2e%2f%2e%2e%2f',
  'file:///etc/passwd',
  // Spreadsheet formulas
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd',
  // JSON
  '{"__proto__": {"polluted": true}}',
  '[]',
  // Long
  'A'.repeat(1999),
];
