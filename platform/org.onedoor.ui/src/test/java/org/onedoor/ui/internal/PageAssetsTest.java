package org.onedoor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageAssetsTest {

    private final PageAssets assets = new PageAssets(PageAssetsTest.class.getClassLoader());

    @Test
    void pagesAreHtmlInUtf8() {
        for (String page : UiRoutes.PAGES) {
            PageAssets.Asset a = assets.page(page).orElseThrow();
            assertEquals("text/html; charset=utf-8", a.contentType());
            String html = new String(a.bytes(), StandardCharsets.UTF_8);
            assertTrue(html.contains("lang=\"zh-CN\""), page);
        }
    }

    @Test
    void everyScriptAndStyleAPageOrModuleNamesIsThere() {
        java.util.regex.Pattern ref = java.util.regex.Pattern.compile("(?:/ui/assets/|from '\\./)([a-z0-9-]+\\.(?:js|css))");
        java.util.Deque<String> todo = new java.util.ArrayDeque<>();
        for (String page : UiRoutes.PAGES) {
            todo.add(new String(assets.page(page).orElseThrow().bytes(), StandardCharsets.UTF_8));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            java.util.regex.Matcher m = ref.matcher(todo.poll());
            while (m.find()) {
                String name = m.group(1);
                if (seen.add(name)) {
                    PageAssets.Asset a = assets.asset(name).orElseThrow(() -> new AssertionError("missing asset " + name));
                    todo.add(new String(a.bytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertTrue(seen.containsAll(java.util.List.of("window-case.js", "cases.js", "backoffice.js", "console-cases.js",
                "dashboard-cases.js", "backoffice.css")), seen.toString());
    }

    @Test
    void scriptsAndStylesHaveTheirTypes() {
        assertEquals("text/javascript; charset=utf-8", assets.asset("common.js").orElseThrow().contentType());
        assertEquals("text/css; charset=utf-8", assets.asset("hall.css").orElseThrow().contentType());
    }

    @Test
    void namesOutsideTheAssetsFindNothing() {
        assertTrue(assets.asset("../kiosk.html").isEmpty());
        assertTrue(assets.asset("..%2Fkiosk.html").isEmpty());
        assertTrue(assets.asset("missing.js").isEmpty());
        assertTrue(assets.page("../ui/kiosk").isEmpty());
        assertTrue(assets.webjar("../../../ui/kiosk.html").isEmpty());
        assertTrue(assets.webjar("qrcodejs/../x/y.js").isEmpty());
        assertTrue(assets.webjar("echarts/5.3.1/dist/../../../../ui/kiosk.html").isEmpty());
        assertTrue(assets.webjar("echarts/5.3.1/lib/echarts.js").isEmpty());
    }

    @Test
    void inlinedWebJarsAreFound() {
        assertEquals("text/javascript; charset=utf-8", assets.webjar("qrcodejs/07f829d/qrcode.min.js").orElseThrow().contentType());
        assertTrue(assets.webjar("echarts/5.3.1/dist/echarts.min.js").orElseThrow().bytes().length > 100_000);
    }

    @Test
    void missesAreNotKept() {
        assertTrue(assets.asset("common.js").isPresent());
        int kept = assets.cached();
        for (int i = 0; i < 1000; i++) {
            assertTrue(assets.asset("missing-" + i + ".js").isEmpty());
            assertTrue(assets.webjar("echarts/" + i + "/dist/missing.js").isEmpty());
        }
        assertEquals(kept, assets.cached());
    }

    @Test
    void pagesHaveNoInlineScripts() {
        java.util.regex.Pattern script = java.util.regex.Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>");
        for (String page : java.util.stream.Stream.concat(java.util.stream.Stream.of("index"), java.util.Arrays.stream(UiRoutes.PAGES)).toList()) {
            String html = new String(assets.page(page).orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertTrue(!script.matcher(html).find(), page + " has an inline script, which CSP script-src 'self' blocks");
            assertTrue(!html.matches("(?s).*\\son[a-z]+=.*"), page + " has an inline event handler");
        }
    }
}
