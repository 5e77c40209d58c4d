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
}
