# html: escape/unescape (named, numeric, invalid references) and html.parser.HTMLParser.
import html
from html.entities import name2codepoint, codepoint2name, html5
from html.parser import HTMLParser

print(html.escape('<a href="x">&\'</a>'), html.escape('<"\'>', quote=False))
for s in ['&lt;b&gt; &amp;amp; &quot;', '&#65;&#x42;&#X43;', '&eacute;&euro;&notin;&notit;',
          '&#0;&#128;&#x110000;&#xd800;', '&nosuch; &amp &lt', 'plain', '&#38;#60;']:
    print(repr(html.unescape(s)))
print(name2codepoint['eacute'], codepoint2name[233], html5['amp;'], len(html5) > 2000)


class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        print('start', tag, attrs)

    def handle_endtag(self, tag):
        print('end', tag)

    def handle_startendtag(self, tag, attrs):
        print('startend', tag, attrs)

    def handle_data(self, data):
        print('data', repr(data))

    def handle_comment(self, data):
        print('comment', repr(data))

    def handle_entityref(self, name):
        print('entity', name)

    def handle_charref(self, name):
        print('charref', name)

    def handle_decl(self, decl):
        print('decl', decl)

    def handle_pi(self, data):
        print('pi', data)


doc = """<!DOCTYPE html><html><head><title>T &amp; t</title>
<script>if (a < b) { x = "</p>"; }</script></head>
<body class="main" id=b1><p>Hello <b>world</b>&nbsp;&#169;<br/><img src='a.png' alt="">
<!-- a comment --><?php echo 1 ?></p><a href="?a=1&b=2">link</a></body></html>"""
p = P()
p.feed(doc[:50])
p.feed(doc[50:])
p.close()
p2 = P(convert_charrefs=False)
p2.feed('x &amp; y &#65; <br>')
p2.close()
print(p.getpos())
html.escape(None)
