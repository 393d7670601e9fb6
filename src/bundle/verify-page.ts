/**
 * `verify.html`, a tag file of the bag: a page that checks the unpacked bag in the browser alone
 * (Web Crypto, no server, no network, nothing installed). The reader opens it from disk and picks
 * the bag's folder; it checks every line of manifest-sha256.txt and tagmanifest-sha256.txt, looks
 * for files in data/ that no manifest lists, and compares the Payload-Oxum. It mirrors
 * src/bundle/verify.ts, which `npm run verify-bundle` runs.
 */

/** The page's script: plain ES2017, no modules (a module cannot load from file://). */
const script = String.raw`
(function () {
  var input = document.getElementById('bag');
  var out = document.getElementById('out');
  var status = document.getElementById('status');
  function say(text) { status.textContent = text; }
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }
  function decode(path) { return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%'); }
  function parseManifest(text) {
    return text.split(/\r?\n/).filter(function (l) { return l.trim() !== ''; }).map(function (line) {
      var m = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
      return m ? [m[1].toLowerCase(), decode(m[2])] : [null, line];
    });
  }
  input.addEventListener('change', async function () {
    out.replaceChildren();
    var problems = [];
    var files = new Map();
    for (var i = 0; i < input.files.length; i++) {
      var file = input.files[i];
      // webkitRelativePath is "<bag folder>/<path inside the bag>".
      files.set(file.webkitRelativePath.split('/').slice(1).join('/'), file);
    }
    if (!files.has('bagit.txt')) { say('✗ bagit.txt غير موجود: اختر مجلد الحقيبة نفسه. / No bagit.txt: choose the bag folder itself.'); return; }
    var checked = 0;
    var payload = Array.from(files.keys()).filter(function (p) { return p.indexOf('data/') === 0; });
    for (var name of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      if (!files.has(name)) { problems.push(name + ': missing'); continue; }
      var listed = new Set();
      var lines = parseManifest(await files.get(name).text());
      for (var j = 0; j < lines.length; j++) {
        var sum = lines[j][0], path = lines[j][1];
        if (sum === null) { problems.push(name + ': malformed line: ' + path); continue; }
        listed.add(path);
        var f = files.get(path);
        if (!f) { problems.push(path + ': listed in ' + name + ' but missing'); continue; }
        say('… ' + (++checked) + ' / ' + path);
        var actual = hex(await crypto.subtle.digest('SHA-256', await f.arrayBuffer()));
        if (actual !== sum) problems.push(path + ': SHA-256 differs from ' + name + ' (the file was changed)');
      }
      if (name === 'manifest-sha256.txt') {
        payload.forEach(function (p) { if (!listed.has(p)) problems.push(p + ': in data/ but not listed in ' + name + ' (an extra file)'); });
      }
    }
    if (files.has('bag-info.txt')) {
      var oxum = /^Payload-Oxum:\s*(\S+)/m.exec(await files.get('bag-info.txt').text());
      var octets = payload.reduce(function (s, p) { return s + files.get(p).size; }, 0);
      var actualOxum = octets + '.' + payload.length;
      if (!oxum) problems.push('bag-info.txt: no Payload-Oxum');
      else if (oxum[1] !== actualOxum) problems.push('bag-info.txt: Payload-Oxum says ' + oxum[1] + ' but data/ holds ' + actualOxum);
    } else problems.push('bag-info.txt: missing');
    problems.forEach(function (p) { var li = document.createElement('li'); li.textContent = p; out.append(li); });
    document.body.dataset.result = problems.length === 0 ? 'valid' : 'invalid';
    say(problems.length === 0
      ? '✓ الحقيبة كاملة وسليمة: طابقت ' + checked + ' بصمة، وحجم data/ مطابق. / The bag is complete and unaltered: ' + checked + ' checksums and the Payload-Oxum match.'
      : '✗ ' + problems.length + ' مشكلة / problems:');
  });
})();
`;

/** The page, in Arabic and English. */
export function verifyPage(): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>تحقق من الحقيبة — Verify the bag</title>
<style>
body { font: 1.05rem/1.6 system-ui, sans-serif; max-inline-size: 46rem; margin: 2rem auto; padding-inline: 1rem; }
#status { font-weight: bold; }
li { font-family: ui-monospace, monospace; font-size: 0.9rem; overflow-wrap: anywhere; }
[lang="en"] { direction: ltr; text-align: left; }
</style>
</head>
<body>
<h1>تحقق من سلامة الحقيبة</h1>
<p>اختر مجلد الحقيبة (المجلد الذي يضم هذا الملف وbagit.txt). تُحسب بصمة SHA-256 لكل ملف في متصفحك، دون شبكة، وتُقارن بملفات manifest.</p>
<div lang="en">
<h2>Verify the bag</h2>
<p>Choose the bag folder (the one holding this file and bagit.txt). Your browser computes the SHA-256 of every file, offline, and compares it with the manifests.</p>
</div>
<p><label for="bag">مجلد الحقيبة / Bag folder:</label> <input id="bag" type="file" webkitdirectory multiple></p>
<p id="status" role="status" aria-live="polite"></p>
<ul id="out"></ul>
<script>${script}</script>
</body>
</html>
`;
}
