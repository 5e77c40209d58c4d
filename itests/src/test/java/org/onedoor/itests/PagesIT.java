package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hall's pages in headless Chromium against one real node (bin/karaf, embedded H2): a ticket
 * taken on the kiosk is called on the window workstation and appears on the caller screen, the
 * status page shows its position, and the screen warns when the node goes away. Screenshots of
 * each page go to {@code target/screens} (or {@code -Donedoor.screens=<dir>}).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PagesIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String CLERK = "pagesclerk";
    static final String CLERK_PW = "pages-Secret-1";
    static final int WINDOW = 97; // the police zone's first window
    static final String SUPERVISOR = "pagessupervisor";
    static final String SUPERVISOR_PW = "pages-Secret-2";
    static final String DEPARTMENT = "pagesdept.a17"; // a department user of A17 (the police exit-entry unit)
    static final String DEPARTMENT_PW = "pages-Secret-3";
    static final String NEW_CLERK = "pageswindow"; // a clerk without a staff record until test h files one
    static final String NEW_CLERK_PW = "pages-Secret-4";
    static final String ROSTER_CLERK = "pagesroster"; // a clerk the console rosters in test l
    static final String ROSTER_CLERK_PW = "pages-Secret-5";
    static final String PAD = "pagespad"; // the rating pad of window 107 (a kiosk device), test p
    static final String PAD_PW = "pages-Secret-6";
    static final String ADMIN = "pagesadmin"; // issues the pad's device token, test p
    static final String ADMIN_PW = "pages-Secret-7";

    private static HallNodeProcess node;
    private static final List<WebDriver> DRIVERS = new ArrayList<>();
    private static Path screens;

    @BeforeClass
    public static void startNode() throws Exception {
        boolean browser = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!browser && System.getenv("CI") != null) {
            fail("chromium and chromium-driver must be installed for the browser tests (bash .ci/run installs them)");
        }
        assumeTrue("chromium or chromedriver is not installed; the browser tests need them", browser);
        Path distribution = Path.of(System.getProperty("onedoor.distribution",
                "../karaf-assembly/target/onedoor-karaf-assembly-0.1.0-SNAPSHOT.tar.gz")).toAbsolutePath();
        Path home = Path.of("target", "pages-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        int clusterPort = HallNodeProcess.freePort();
        node = HallNodeProcess.unpack(distribution, home, "pages-node", HallNodeProcess.freePort(), clusterPort,
                "127.0.0.1:" + clusterPort, "", Map.of(CLERK, CLERK_PW + ",_g_:operatorgroup", SUPERVISOR, SUPERVISOR_PW + ",_g_:supervisorgroup",
                DEPARTMENT, DEPARTMENT_PW + ",_g_:departmentgroup,dept:A17", NEW_CLERK, NEW_CLERK_PW + ",_g_:clerkgroup",
                ROSTER_CLERK, ROSTER_CLERK_PW + ",_g_:clerkgroup", PAD, PAD_PW + ",_g_:kioskgroup", ADMIN, ADMIN_PW + ",_g_:admingroup"));
        // the browser tests run on any day of the week and at any hour: let every day of the booking window take
        // appointments, in a slot every half hour; the current slot's check-in is on time (30 minutes after its start)
        // and so is the next one's (45 minutes before)
        StringBuilder slots = new StringBuilder();
        for (int m = 0; m < 24 * 60; m += 30) {
            slots.append(slots.length() == 0 ? "" : ",").append(java.time.LocalTime.of(m / 60, m % 60));
        }
        Files.writeString(home.resolve("etc/org.onedoor.appointments.cfg"), "workingDaysOnly = false\nslots = " + slots + "\n");
        Files.writeString(home.resolve("etc/org.onedoor.bookings.cfg"), "checkInBeforeMinutes = 45\ncheckInAfterMinutes = 30\n");
        HallNodeProcess.set(home.resolve("etc/org.onedoor.web.cfg"), "appointmentBurst", "100");
        // a second hall of the city, as an operator adds one: a factory configuration file etc/org.onedoor.hall.site-<id>.cfg
        // (the file installer reads .cfg files as ISO-8859-1: Chinese text is written as \\u escapes)
        String site = "id = xiping\nnameZh = 西平县便民服务中心\nnameEn = Xiping County Service Center\naddress = 河南省驻马店市西平县\n"
                + "zones = " + HallsIT.XIPING_ZONES + "\n";
        StringBuilder escaped = new StringBuilder();
        site.chars().forEach(ch -> escaped.append(ch < 128 ? String.valueOf((char) ch) : String.format("\\u%04x", ch)));
        Files.writeString(home.resolve("etc/org.onedoor.hall.site-xiping.cfg"), escaped, java.nio.charset.StandardCharsets.ISO_8859_1);
        node.start();
        awaitHealthy();
        screens = Path.of(System.getProperty("onedoor.screens", "target/screens")).toAbsolutePath();
        Files.createDirectories(screens);
    }

    private static void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!healthy()) {
            if (System.nanoTime() > deadline || !node.alive()) {
                fail("node did not come up: " + node);
            }
            Thread.sleep(250);
        }
    }

    private static boolean healthy() {
        try {
            HttpResponse<String> r = new Http(node.httpPort).get("/api/v1/health");
            return r.statusCode() == 200 && new JsonObject(r.body()).getInteger("openZones") == 11;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Every test's browsers close when it ends: their pages hold event streams, and the node lets one
     * address hold only {@code maxStreamsPerAddress} (16) of them, so pages left open by earlier tests
     * would have a later test's screen refused.
     */
    @After
    public void closeBrowsers() {
        for (WebDriver d : DRIVERS) {
            try {
                d.quit();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        DRIVERS.clear();
    }

    @AfterClass
    public static void stopAll() throws Exception {
        if (node != null) {
            node.kill9();
        }
    }

    /** A fresh headless Chromium with its own profile, at the given window size. */
    private static WebDriver browser(int width, int height) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN",
                "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        DRIVERS.add(driver);
        // the window's size includes what headless Chromium keeps for its frame: make the page itself width x height
        driver.get("about:blank");
        for (int i = 0; i < 3; i++) {
            Dimension outer = driver.manage().window().getSize();
            long innerWidth = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
            long innerHeight = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerHeight");
            if (innerWidth == width && innerHeight == height) {
                break;
            }
            driver.manage().window().setSize(new Dimension(outer.width + width - (int) innerWidth, outer.height + height - (int) innerHeight));
        }
        return driver;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + node.httpPort + path;
    }

    private static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    private static WebElement visible(WebDriver d, String css) {
        return waiting(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks an element of a page that redraws itself (a table refreshed from the event stream): finds it again if it was replaced. */
    private static void click(WebDriver d, String css) {
        visible(d, css);
        waiting(d).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(dr -> {
            dr.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /**
     * The window workstation at the given height, the clerk signed in at the window, the first waiting police ticket
     * called (G…) and the case form offered.
     */
    private static WebDriver deskWithACall(int window, int height) throws Exception {
        WebDriver desk = browser(1280, height);
        desk.get(url("/ui/window"));
        visible(desk, "#window-no").sendKeys(Integer.toString(window));
        desk.findElement(By.id("user")).sendKeys(CLERK);
        desk.findElement(By.id("password")).sendKeys(CLERK_PW);
        desk.findElement(By.id("signin-button")).click();
        text(desk, "#title", window + "号窗口");
        visible(desk, "#call-next").click();
        waiting(desk).until(d -> d.findElement(By.id("current-number")).getText().matches("G\\d{3}"));
        visible(desk, "#case-open");
        return desk;
    }

    private static void text(WebDriver d, String css, String expected) {
        waiting(d).withMessage(css + " shows '" + expected + "'")
                .until(ExpectedConditions.textToBe(By.cssSelector(css), expected));
    }

    private static void screenshot(WebDriver d, String name) throws Exception {
        File shot = ((ChromeDriver) d).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screens.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Takes a ticket on the kiosk page in the police zone; answers its number and status link. */
    private static String[] takeTicket(WebDriver kiosk) {
        kiosk.get(url("/ui/kiosk"));
        visible(kiosk, "button[data-zone='police']").click();
        visible(kiosk, "#normal").click();
        WebElement number = visible(kiosk, "#t-number");
        waiting(kiosk).until(d -> number.getText().matches("G\\d{3}"));
        return new String[] {number.getText(), kiosk.findElement(By.id("t-link")).getText()};
    }

    @Test
    public void aTicketTakenAtTheKioskIsCalledAtTheWindowAndShownOnTheScreen() throws Exception {
        WebDriver screen = browser(1920, 1080);
        screen.get(url("/ui/screen?zone=police"));
        text(screen, "#title", "公安业务综合受理区 · 叫号");
        text(screen, "#waiting [data-zone='police'] b", "0");
        assertTrue("no warning while connected", !screen.findElement(By.id("offline")).isDisplayed());

        WebDriver kiosk = browser(1080, 1920);
        kiosk.get(url("/ui/kiosk"));
        assertTrue(visible(kiosk, "button[data-zone='police']").getText().contains("公安业务综合受理区"));
        assertEquals("every zone but the universal windows has its button", 10,
                kiosk.findElements(By.cssSelector("#zones button")).size());
        screenshot(kiosk, "kiosk-zones");
        String[] first = takeTicket(kiosk);
        assertEquals("0", kiosk.findElement(By.id("t-ahead")).getText());
        String[] second = takeTicket(kiosk);
        assertEquals("1", kiosk.findElement(By.id("t-ahead")).getText());
        assertTrue(second[1], second[1].startsWith(url("/ui/ticket?id=")));
        assertTrue("a QR code is drawn", kiosk.findElements(By.cssSelector("#t-qr canvas, #t-qr img")).size() > 0);
        screenshot(kiosk, "kiosk");
        text(screen, "#waiting [data-zone='police'] b", "2");

        WebDriver phone = browser(412, 915);
        phone.get(second[1]);
        text(phone, "#number", second[0]);
        text(phone, "#status", "等候中");
        text(phone, "#ahead", "1");
        screenshot(phone, "ticket");

        WebDriver desk = browser(1280, 860);
        desk.get(url("/ui/window"));
        // record every request the page sends that carries an Authorization header (the password, as HTTP Basic)
        ((JavascriptExecutor) desk).executeScript("window.__withAuthorization = []; const f = window.fetch;"
                + " window.fetch = (u, o) => { if (o && o.headers && o.headers.Authorization) window.__withAuthorization.push(String(u));"
                + " return f(u, o); };");
        visible(desk, "#window-no").sendKeys(Integer.toString(WINDOW));
        desk.findElement(By.id("user")).sendKeys(CLERK);
        desk.findElement(By.id("password")).sendKeys(CLERK_PW);
        desk.findElement(By.id("signin-button")).click();
        text(desk, "#title", WINDOW + "号窗口");
        text(desk, "#zone-name", "公安业务综合受理区");
        text(desk, "#waiting-count", "2");
        visible(desk, "#call-next").click();
        text(desk, "#current-number", first[0]);
        text(desk, "#current-status", "已叫号，请到窗口");
        text(desk, "#waiting-count", "1");

        String call = ".call[data-ticket='" + first[0] + "']";
        assertTrue(visible(screen, call).getText().contains(WINDOW + "号窗口"));
        // the flash shows for five seconds: on a loaded machine the waits above may take longer, so read what it was given
        String announcement = "请" + first[0] + "号到" + WINDOW + "号窗口办理";
        waiting(screen).withMessage("#flash announces " + announcement)
                .until(d -> announcement.equals(d.findElement(By.id("flash")).getAttribute("textContent")));
        text(screen, "#waiting [data-zone='police'] b", "1");
        assertTrue(screen.findElement(By.id("recent")).getText().contains(first[0]));
        screenshot(screen, "screen");

        WebDriver hallScreen = browser(1920, 1080);
        hallScreen.get(url("/ui/screen"));
        text(hallScreen, "#title", "市民之家 · 叫号");
        assertTrue(visible(hallScreen, call).getText().contains(WINDOW + "号窗口"));
        text(hallScreen, "#waiting [data-zone='police'] b", "1");
        text(hallScreen, "#waiting [data-zone='tax'] b", "0");
        screenshot(hallScreen, "screen-hall");
        hallScreen.quit();
        DRIVERS.remove(hallScreen);

        visible(desk, "#start").click();
        text(desk, "#current-status", "正在办理");
        text(screen, call + " .state", "办理中");
        screenshot(desk, "window");
        assertEquals("the workstation signs in once and then carries its page session, never the password", "[]",
                String.valueOf(((JavascriptExecutor) desk).executeScript("return JSON.stringify(window.__withAuthorization)")));
        // a reload keeps the clerk at the window: the page session and the held window come back without a new sign-in
        desk.navigate().refresh();
        text(desk, "#title", WINDOW + "号窗口");
        text(desk, "#current-number", first[0]);
        text(desk, "#current-status", "正在办理");
        text(desk, "#info", "已恢复窗口会话");
        assertTrue("no sign-in form after the reload", desk.findElement(By.id("signin")).getAttribute("class").contains("hidden"));

        phone.get(first[1]);
        text(phone, "#window", WINDOW + " 号窗口正在为您办理");
        phone.get(second[1]);
        text(phone, "#ahead", "0");
        // the citizen asks for a text message when called: a wrong number is refused in words, a right one masked
        visible(phone, "#sms-phone").sendKeys("1381234");
        phone.findElement(By.id("sms-button")).click();
        text(phone, "#sms-message", "请填写 11 位手机号码");
        phone.findElement(By.id("sms-phone")).clear();
        phone.findElement(By.id("sms-phone")).sendKeys("138 1234 5678");
        phone.findElement(By.id("sms-button")).click();
        text(phone, "#sms-message", "叫号时将短信通知 138****5678");

        waiting(screen).until(ExpectedConditions.invisibilityOfElementLocated(By.id("flash")));
        node.stop();
        WebElement warning = visible(screen, "#offline");
        assertEquals("连接已断开，正在重新连接…", warning.getText());
        screenshot(screen, "screen-disconnected");

        // the node returns: the screen reconnects by itself, resyncs, and follows new tickets without a reload
        node.start();
        awaitHealthy();
        new WebDriverWait(screen, Duration.ofSeconds(180), Duration.ofMillis(250)).withMessage("the screen reconnects")
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline")));
        // the resync redraws the calls: look the call up again on every poll rather than hold an element
        waiting(screen).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(call), WINDOW + "号窗口"));
        String[] third = takeTicket(kiosk);
        text(screen, "#waiting [data-zone='police'] b", "2");
        assertTrue(third[0].matches("G\\d{3}"));
    }

    /** Signs in on a staff page (console or dashboard) with its page-session form. */
    private static void signInOnPage(WebDriver d, String user, String password) {
        visible(d, "#user").sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("signin-button")).click();
    }

    private static JsonObject json(HttpResponse<String> r) {
        assertTrue(r.statusCode() + " " + r.body(), r.statusCode() / 100 == 2);
        return new JsonObject(r.body());
    }

    @Test
    public void bTheConsoleClosesAndOpensAZoneAndShowsWhoIsSignedIn() throws Exception {
        Http http = new Http(node.httpPort);
        json(http.post("/api/v1/windows/98/sign-in", CLERK, CLERK_PW));
        WebDriver console = browser(1440, 900);
        console.get(url("/ui/console"));
        signInOnPage(console, CLERK, CLERK_PW);
        String row = "#zones-table tr[data-zone='construction']";
        text(console, row + " .state", "开放");
        assertTrue(console.findElement(By.id("zones-updated")).getText().startsWith("更新于 "));
        click(console, row + " button[data-action='disable']");
        assertTrue(visible(console, "#confirm-text").getText().contains("工程建设投资项目综合受理区"));
        console.findElement(By.id("confirm-yes")).click();
        new WebDriverWait(console, Duration.ofSeconds(60), Duration.ofMillis(250)).withMessage("the zone shows closed")
                .until(ExpectedConditions.textToBe(By.cssSelector(row + " .state"), "已关闭"));
        assertEquals("DISABLED", json(http.get("/api/v1/zones/construction")).getString("state"));
        assertTrue(json(http.get("/api/v1/zones")).getJsonArray("zones").stream()
                .noneMatch(z -> ((JsonObject) z).getString("id").equals("construction")));
        screenshot(console, "console");
        click(console, row + " button[data-action='enable']");
        visible(console, "#confirm-yes").click();
        new WebDriverWait(console, Duration.ofSeconds(60), Duration.ofMillis(250)).withMessage("the zone shows open")
                .until(ExpectedConditions.textToBe(By.cssSelector(row + " .state"), "开放"));
        assertEquals(11, (int) json(http.get("/api/v1/zones")).getInteger("count"));

        // windows: the one signed in before, and one signed in while the page is open (event stream)
        visible(console, "button[data-tab='windows']").click();
        text(console, "#windows-table tr[data-window='98'] .clerk", CLERK);
        json(http.post("/api/v1/windows/99/sign-in", CLERK, CLERK_PW));
        text(console, "#windows-table tr[data-window='99'] .clerk", CLERK);
        screenshot(console, "console-windows");

        visible(console, "button[data-tab='catalog']").click();
        WebElement q = visible(console, "#matter-q");
        q.sendKeys("护照");
        console.findElement(By.cssSelector("#matter-search button[type='submit']")).click();
        assertTrue(visible(console, "#matters-table tr[data-matter='A17-001']").getText().contains("普通护照签发"));
        assertEquals("a described matter is not marked as a slot", 0,
                console.findElements(By.cssSelector("#matters-table tr[data-matter='A17-001'] [data-slot]")).size());
        q.clear();
        q.sendKeys("A26-013");
        console.findElement(By.cssSelector("#matter-search button[type='submit']")).click();
        assertTrue("a numbered slot is marked as one",
                visible(console, "#matters-table tr[data-matter='A26-013'] [data-slot='true']").getText().contains("目录占位"));

        visible(console, "button[data-tab='devices']").click();
        visible(console, "#devices-empty");
        json(http.post("/api/v1/windows/98/sign-out", CLERK, CLERK_PW));
        json(http.post("/api/v1/windows/99/sign-out", CLERK, CLERK_PW));
    }

    @Test
    public void cTheDashboardChartsTodaysQueueWithATableOfTheSameFigures() throws Exception {
        Http http = new Http(node.httpPort);
        json(http.postJson("/api/v1/tickets", "{\"zone\": \"tax\"}"));
        json(http.postJson("/api/v1/tickets", "{\"zone\": \"tax\"}"));
        json(http.post("/api/v1/windows/137/sign-in", CLERK, CLERK_PW));
        json(http.post("/api/v1/windows/137/call-next", CLERK, CLERK_PW));
        json(http.post("/api/v1/windows/137/start", CLERK, CLERK_PW));
        json(http.post("/api/v1/windows/137/complete", CLERK, CLERK_PW));
        assertEquals(403, http.getAs("/api/v1/stats/queue", CLERK, CLERK_PW).statusCode());

        WebDriver board = browser(1440, 1000);
        board.get(url("/ui/dashboard"));
        signInOnPage(board, SUPERVISOR, SUPERVISOR_PW);
        visible(board, "#chart-counts canvas");
        visible(board, "#chart-wait canvas");
        JsonObject tax = json(http.getAs("/api/v1/stats/queue", SUPERVISOR, SUPERVISOR_PW)).getJsonArray("zones").stream()
                .map(JsonObject.class::cast).filter(z -> z.getString("zoneId").equals("tax")).findFirst().orElseThrow();
        assertEquals(1, (int) tax.getInteger("served"));
        String taxRow = "#stats-table tr[data-zone='tax']";
        text(board, taxRow + " th", "税务综合受理区");
        text(board, taxRow + " td[data-field='served']", "1");
        text(board, taxRow + " td[data-field='waiting']", String.valueOf(tax.getInteger("waiting")));
        text(board, taxRow + " td[data-field='averageWaitMinutes']", String.format(java.util.Locale.ROOT, "%.1f",
                tax.getDouble("averageWaitMinutes")));
        screenshot(board, "dashboard");

        // a new ticket moves the figures without a reload (event stream, then the stats endpoint)
        json(http.postJson("/api/v1/tickets", "{\"zone\": \"tax\"}"));
        text(board, taxRow + " td[data-field='issued']", String.valueOf(tax.getInteger("issued") + 1));
        json(http.post("/api/v1/windows/137/sign-out", CLERK, CLERK_PW));
    }

    /** Keys a code in on the kiosk's keypad. */
    private static void keyIn(WebDriver kiosk, String code) {
        visible(kiosk, "#keypad button[data-key='clear']").click();
        for (char c : code.toCharArray()) {
            kiosk.findElement(By.cssSelector("#keypad button[data-key='" + c + "']")).click();
        }
        waiting(kiosk).until(d -> code.equals(d.findElement(By.id("code")).getAttribute("data-code")));
    }

    private static final java.time.ZoneId HALL = java.time.ZoneId.of("Asia/Shanghai");

    /** The half-hour slot that began last (now or up to 30 minutes ago), today. */
    private static java.time.LocalTime currentSlot() {
        java.time.LocalTime now = java.time.LocalTime.now(HALL);
        return java.time.LocalTime.of(now.getHour(), now.getMinute() < 30 ? 0 : 30);
    }

    private static String book(Http http, String zone, java.time.LocalDate day) throws Exception {
        return book(http, zone, day, java.time.LocalTime.of(9, 0));
    }

    /** Books an anonymous appointment (the older API, which also takes a slot that began). */
    private static String book(Http http, String zone, java.time.LocalDate day, java.time.LocalTime slot) throws Exception {
        HttpResponse<String> r = http.postJson("/api/v1/appointments",
                "{\"zone\": \"" + zone + "\", \"day\": \"" + day + "\", \"slot\": \"" + slot + "\"}");
        assertEquals(r.body(), 201, r.statusCode());
        return new JsonObject(r.body()).getString("code");
    }

    @Test
    public void dTheKioskAsksForTheMatterCategoryAndChecksInAppointments() throws Exception {
        Http http = new Http(node.httpPort);
        WebDriver kiosk = browser(1080, 1920);
        kiosk.get(url("/ui/kiosk"));
        visible(kiosk, "button[data-zone='real-estate']").click();
        text(kiosk, "#category-zone", "不动产登记综合受理区");
        assertEquals("the zone's three units and 'something else'", 4, kiosk.findElements(By.cssSelector("#categories button")).size());
        screenshot(kiosk, "kiosk-category");
        visible(kiosk, "#categories button[data-category='A15']").click();
        text(kiosk, "#kind-category", "市不动产登记服务中心");
        visible(kiosk, "#normal").click();
        WebElement number = visible(kiosk, "#t-number");
        waiting(kiosk).until(d -> number.getText().matches("A\\d{3}"));
        text(kiosk, "#t-category", "市不动产登记服务中心");
        String id = kiosk.findElement(By.id("t-link")).getText().replaceAll(".*id=", "");
        assertEquals("A15", json(http.get("/api/v1/tickets/" + id)).getString("category"));
        visible(kiosk, "#done").click();

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String tomorrows = book(http, "tax", today.plusDays(1));
        String todays = book(http, "tax", today, currentSlot()); // its check-in window is open now
        assertTrue(json(http.get("/api/v1/queue/snapshot?zone=tax")).getInteger("waitingCount") > 0);

        visible(kiosk, "#appointment").click();
        assertTrue("nothing to confirm before eight digits", !visible(kiosk, "#check-in").isEnabled());
        keyIn(kiosk, tomorrows);
        kiosk.findElement(By.id("check-in")).click();
        text(kiosk, "#message", "这个预约不是今天的");
        screenshot(kiosk, "kiosk-appointment");
        keyIn(kiosk, "12345678");
        kiosk.findElement(By.id("check-in")).click();
        text(kiosk, "#message", "没有找到这个预约号，请核对后重新输入");
        keyIn(kiosk, todays);
        kiosk.findElement(By.id("check-in")).click();
        WebElement appointmentNumber = visible(kiosk, "#t-number");
        waiting(kiosk).until(d -> appointmentNumber.getText().matches("H\\d{3}"));
        assertTrue(kiosk.findElement(By.id("t-appointment")).isDisplayed());
        assertEquals("an appointment goes before the tickets waiting in its zone", "0", kiosk.findElement(By.id("t-ahead")).getText());
        screenshot(kiosk, "kiosk-appointment-ticket");
        String ticketId = kiosk.findElement(By.id("t-link")).getText().replaceAll(".*id=", "");
        JsonObject ticket = json(http.get("/api/v1/tickets/" + ticketId));
        assertEquals("APPOINTMENT", ticket.getString("priority"));
        assertEquals(todays, ticket.getString("appointmentId"));

        visible(kiosk, "#done").click();
        visible(kiosk, "#appointment").click();
        keyIn(kiosk, todays);
        kiosk.findElement(By.id("check-in")).click();
        text(kiosk, "#message", "这个预约号已经取过号了");
        assertEquals(400, http.postJson("/api/v1/tickets", "{\"zone\": \"tax\", \"priority\": \"APPOINTMENT\", \"appointmentId\": \"x-1234\"}")
                .statusCode());
    }

    @Test
    public void eEveryPageSwitchesToEnglishAndRemembersIt() throws Exception {
        WebDriver kiosk = browser(1080, 1920);
        kiosk.get(url("/ui/kiosk"));
        text(kiosk, "#step-zone h2", "请选择办理区域");
        assertEquals("English", visible(kiosk, "#lang-toggle").getText());
        kiosk.findElement(By.id("lang-toggle")).click();
        text(kiosk, "#step-zone h2", "Choose a service zone");
        text(kiosk, "button[data-zone='police'] span:last-child", "Public security");
        assertEquals("中文", kiosk.findElement(By.id("lang-toggle")).getText());
        kiosk.navigate().refresh();
        text(kiosk, "#step-zone h2", "Choose a service zone");
        screenshot(kiosk, "kiosk-en");

        for (String[] page : new String[][] {{"/ui/screen?zone=police", "#title", "Public security · Calls"},
                {"/ui/window", "#signin h2", "Sign in to a window"}, {"/ui/", "h1", "Citizen Center"},
                {"/ui/dashboard", "#signin h2", "Sign in"}, {"/ui/backoffice", "#signin h2", "Sign in"},
                {"/ui/ticket", "#lookup h2", "Look up a case"}, {"/ui/booking", "#book h2", "Book"}}) {
            kiosk.get(url(page[0]));
            text(kiosk, page[1], page[2]);
        }

        WebDriver console = browser(1440, 900);
        console.get(url("/ui/console"));
        signInOnPage(console, CLERK, CLERK_PW);
        text(console, "#zones-table tr[data-zone='police'] .state", "开放");
        visible(console, "#lang-toggle").click();
        text(console, "#zones-table tr[data-zone='police'] .state", "Open");
        text(console, "button[data-tab='zones']", "Zones");
        assertTrue(console.findElement(By.id("zones-updated")).getText().startsWith("updated at "));
        text(console, "#zones-table tr[data-zone='police'] td:nth-child(2)", "Public security");
        screenshot(console, "console-en");
        console.findElement(By.id("lang-toggle")).click();
        text(console, "#zones-table tr[data-zone='police'] .state", "开放");
    }

    @Test
    public void fACaseIsOpenedAtTheWindowDecidedInTheBackOfficeAndRatedByTheCitizen() throws Exception {
        Http http = new Http(node.httpPort);
        json(http.postJson("/api/v1/tickets", "{\"zone\": \"police\"}"));
        int window = 98; // a police window: passports (A17) are accepted in the police zone
        String missing = "国家工作人员出国（境）审批备案证明";

        WebDriver desk = deskWithACall(window, 1500);
        text(desk, "#case-live", "办件实时更新");

        // the matter, searched within the window's zone
        desk.findElement(By.id("matter-q")).sendKeys("护照");
        desk.findElement(By.id("matter-search")).click();
        visible(desk, "#matter-results button[data-matter='A17-001']").click();
        assertTrue(visible(desk, "#matter-chosen").getText().contains("普通护照签发"));
        assertTrue(visible(desk, "#matter-chosen").getText().contains("法定时限：15 d"));
        assertEquals(1, desk.findElements(By.cssSelector("#materials-tolerable input[data-material='" + missing + "']")).size());
        assertEquals(2, desk.findElements(By.cssSelector("#materials-main input[data-material]")).size());
        desk.findElement(By.id("app-name")).sendKeys("张三");
        // a wrong check digit is caught in the page; a right one is shown masked
        desk.findElement(By.id("app-id")).sendKeys("411702199003074516");
        desk.findElement(By.id("app-name")).click();
        text(desk, "#app-id-error", "身份证号校验位不对，请核对");
        assertTrue(!desk.findElement(By.id("accept")).isEnabled());
        desk.findElement(By.id("app-id")).clear();
        desk.findElement(By.id("app-id")).sendKeys("411702199003074515");
        desk.findElement(By.id("app-name")).click();
        text(desk, "#app-id-masked", "411***********4515");

        // a missing main material: the server's refusal names it
        desk.findElement(By.cssSelector("input[data-material='申请人居民身份证']")).click();
        desk.findElement(By.id("accept")).click();
        waiting(desk).withMessage(() -> "the refusal names the missing photo: " + desk.findElement(By.id("message")).getText())
                .until(d -> d.findElement(By.id("message")).getText().contains("近期免冠彩色照片"));
        desk.findElement(By.cssSelector("input[data-material='近期免冠彩色照片']")).click();
        desk.findElement(By.id("accept")).click();

        // accepted with the tolerable material missing: supply-by date and the check code, once
        String no = visible(desk, "#case-number").getText();
        assertTrue(no, no.matches("A17-\\d{8}-\\d{4}"));
        String checkCode = visible(desk, "#check-code").getText();
        assertTrue(checkCode, checkCode.matches("\\d{6}"));
        JsonObject accepted = json(http.getAs("/api/v1/cases/" + no, CLERK, CLERK_PW));
        assertEquals("ACCEPTED", accepted.getString("state"));
        assertEquals(missing, accepted.getJsonArray("missingMaterials").getString(0));
        text(desk, "#case-missing", missing);
        text(desk, "#case-supply-by", accepted.getString("supplyBy"));
        text(desk, "#case-state", "已受理");
        assertTrue(visible(desk, "#info").getText().contains(accepted.getString("supplyBy")));
        assertTrue("the receipt has a QR code", desk.findElements(By.cssSelector("#receipt-qr canvas, #receipt-qr img")).size() > 0);
        screenshot(desk, "window-case");

        // a scan of the ID card is attached to the first material from a file on the clerk's disk
        java.nio.file.Path scan = java.nio.file.Files.createTempFile("id-card-", ".pdf");
        byte[] pdf = http.getBytesAs("/api/v1/cases/" + no + "/notices/acceptance.pdf", CLERK, CLERK_PW).body();
        java.nio.file.Files.write(scan, pdf);
        text(desk, "#scan-list", "尚无扫描件");
        new org.openqa.selenium.support.ui.Select(desk.findElement(By.id("scan-material"))).selectByValue("1");
        desk.findElement(By.id("scan-file")).sendKeys(scan.toString());
        desk.findElement(By.id("scan-upload")).click();
        waiting(desk).withMessage("the upload is listed").until(d -> d.findElement(By.id("scan-list")).getText().contains(scan.getFileName().toString()));
        assertTrue(desk.findElement(By.id("scan-list")).getText().contains("申请人居民身份证"));
        JsonObject listedFiles = json(http.getAs("/api/v1/cases/" + no + "/files", DEPARTMENT, DEPARTMENT_PW));
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)),
                listedFiles.getJsonArray("files").getJsonObject(0).getString("sha256"));
        java.nio.file.Files.deleteIfExists(scan);

        // the missing material is supplied; sign-off without an authorization letter is refused
        desk.findElement(By.cssSelector("#supply-list input[data-supply='" + missing + "']")).click();
        desk.findElement(By.id("supply")).click();
        waiting(desk).until(ExpectedConditions.invisibilityOfElementLocated(By.id("tolerance")));
        visible(desk, "#sign-off").click();
        assertTrue(visible(desk, "#signoff-refused").getText().startsWith("不能当场签批："));
        text(desk, "#case-state", "已受理");

        // the department's back office approves it and marks the result ready
        WebDriver office = browser(1440, 1100);
        office.get(url("/ui/backoffice"));
        signInOnPage(office, DEPARTMENT, DEPARTMENT_PW);
        String row = "#queue-table tr[data-case='" + no + "']";
        visible(office, row + " .light[data-light]");
        click(office, row);
        text(office, "#d-state", "已受理");
        assertTrue("accepted and supplied", office.findElements(By.cssSelector("#history tbody tr")).size() >= 2);
        // the deciding unit sees the scan as a download link (its content is for this unit only)
        assertTrue(visible(office, "#d-files a").getText().equals(scan.getFileName().toString()));
        assertTrue(office.findElement(By.cssSelector("#d-files a")).getAttribute("href").contains("/api/v1/cases/" + no + "/files/"));
        screenshot(office, "backoffice");
        visible(office, "#approve").click();
        text(office, "#d-state", "准予许可");
        waiting(office).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(row)));
        visible(office, "#result-ready").click();
        text(office, "#d-state", "待送达");

        // the workstation sees the result live, delivers and closes
        waiting(desk).withMessage("the workstation shows the decision")
                .until(d -> d.findElement(By.id("case-result")).getText().contains("准予许可"));
        text(desk, "#case-state", "待送达");
        assertTrue("the refusal goes with the decision", !desk.findElement(By.id("signoff-refused")).isDisplayed());
        screenshot(desk, "window-result");
        desk.findElement(By.id("lang-toggle")).click();
        text(desk, "#case-state", "Result ready");
        text(desk, "#case h2", "Open a case");
        desk.findElement(By.id("lang-toggle")).click();
        text(desk, "#case-state", "待送达");
        visible(desk, "#deliver").click();
        waiting(desk).until(d -> d.findElement(By.id("delivered")).getText().startsWith("已送达：窗口领取"));
        visible(desk, "#close-case").click();
        text(desk, "#case-state", "已办结");

        // the citizen looks it up by number and check code and rates it once
        WebDriver phone = browser(412, 915);
        phone.get(url("/ui/ticket?case=" + no));
        assertEquals(no, visible(phone, "#lookup-number").getAttribute("value"));
        String wrong = checkCode.equals("000000") ? "111111" : "000000";
        phone.findElement(By.id("lookup-code")).sendKeys(wrong);
        phone.findElement(By.id("lookup-button")).click();
        text(phone, "#lookup-message", "办件编号或查询码不对，请核对回执");
        phone.findElement(By.id("lookup-code")).clear();
        phone.findElement(By.id("lookup-code")).sendKeys(checkCode);
        phone.findElement(By.id("lookup-button")).click();
        text(phone, "#case-state", "已办结");
        text(phone, "#case-missing", "无");
        text(phone, "#case-delivery", "窗口领取");
        visible(phone, "#clerk-stars button[data-score='5']").click();
        phone.findElement(By.cssSelector("#approver-stars button[data-score='4']")).click();
        text(phone, "#clerk-label", "非常满意");
        ((JavascriptExecutor) phone).executeScript("document.getElementById('rating').scrollIntoView()");
        screenshot(phone, "ticket-case");
        phone.findElement(By.id("rate")).click();
        text(phone, "#rated", "感谢您的评价！");
        assertTrue(visible(phone, "#rated-until").getText().startsWith("如需修改，请在 "));
        // a change within the period: a bad level asks for a reason chip (or words) before it can be sent
        visible(phone, "#rate-change").click();
        visible(phone, "#clerk-stars button[data-score='2']").click();
        text(phone, "#clerk-label", "不满意");
        visible(phone, "#rate-need");
        assertFalse(phone.findElement(By.id("rate")).isEnabled());
        visible(phone, "#clerk-reasons button[data-code='B07']").click();
        waiting(phone).until(d -> d.findElement(By.id("rate")).isEnabled());
        phone.findElement(By.id("rate")).click();
        text(phone, "#rated", "感谢您的评价！");
        JsonObject rated = json(http.postJson("/api/v1/cases/" + no + "/evaluation/status", "{\"checkCode\": \"" + checkCode + "\"}"));
        JsonObject front = rated.getJsonArray("evaluations").getJsonObject(0);
        assertEquals("FRONT/DISSATISFIED/2/[\"B07\"]", front.getString("party") + "/" + front.getString("level") + "/"
                + front.getInteger("revision") + "/" + front.getJsonArray("reasons").encode());
        assertEquals("SATISFIED", rated.getJsonArray("evaluations").getJsonObject(1).getString("level"));

        // the bad rating waits in the department's follow-up queue (差评回访整改): verified and called back, then replied, on the page
        JsonObject followUp = json(http.getAs("/api/v1/rating-follow-ups", DEPARTMENT, DEPARTMENT_PW)).getJsonArray("followUps").stream()
                .map(JsonObject.class::cast).filter(x -> x.getString("caseNumber").equals(no)).findFirst().orElseThrow();
        assertEquals("CLERK/OPEN", followUp.getString("party") + "/" + followUp.getString("state"));
        office.navigate().refresh();
        String fuRow = "#f-table tr[data-follow-up='" + followUp.getLong("id") + "']";
        text(office, fuRow + " .state", "待核实回访");
        assertTrue(visible(office, "#f-title").getText(), office.findElement(By.id("f-title")).getText().startsWith("本单位差评回访整改"));
        assertEquals(1, office.findElements(By.cssSelector(fuRow + " .light[data-light]")).size());
        office.findElement(By.cssSelector(fuRow + " textarea")).sendKeys("已电话回访，群众反映排队等候时间过长");
        click(office, fuRow + " button[data-action='callback']");
        text(office, fuRow + " .state", "待整改答复");
        visible(office, fuRow + " textarea").sendKeys("已在高峰时段增开窗口，并向群众致歉");
        click(office, fuRow + " button[data-action='reply']");
        text(office, fuRow + " .state", "已答复");
        ((JavascriptExecutor) office).executeScript("document.getElementById('follow-ups').scrollIntoView()");
        screenshot(office, "backoffice-follow-ups");
        JsonObject replied = json(http.getAs("/api/v1/rating-follow-ups/" + followUp.getLong("id"), SUPERVISOR, SUPERVISOR_PW));
        assertEquals("REPLIED", replied.getString("state"));
        assertEquals("已电话回访，群众反映排队等候时间过长", replied.getString("callback"));
        assertEquals("已在高峰时段增开窗口，并向群众致歉", replied.getString("reply"));

        // the dashboard shows the rating; the console lists the case
        JsonObject a17 = json(http.getAs("/api/v1/cases/evaluations/summary", SUPERVISOR, SUPERVISOR_PW)).getJsonArray("departments")
                .stream().map(JsonObject.class::cast).filter(d -> d.getString("subject").equals("A17")).findFirst().orElseThrow();
        WebDriver board = browser(1440, 2000);
        board.get(url("/ui/dashboard"));
        signInOnPage(board, SUPERVISOR, SUPERVISOR_PW);
        visible(board, "#chart-cases canvas");
        visible(board, "#chart-ratings canvas");
        text(board, "#ratings-table tr[data-department='A17'] td[data-field='average']",
                String.format(java.util.Locale.ROOT, "%.1f", a17.getDouble("average")));
        text(board, "#ratings-table tr[data-department='A17'] td[data-field='count']", String.valueOf(a17.getInteger("count")));
        assertTrue(Integer.parseInt(visible(board, "#cases-table tr[data-department='A17'] td[data-field='total']").getText()) >= 1);
        ((JavascriptExecutor) board).executeScript("document.getElementById('cases').scrollIntoView()");
        screenshot(board, "dashboard-cases");

        // the supervisor builds this month's report on the page: it is listed with its files, charted, and its table
        // carries the figures the API gives for it
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        board.findElement(By.id("report-period")).sendKeys(month);
        board.findElement(By.cssSelector("#report-form button[type='submit']")).click();
        visible(board, "#chart-report canvas");
        JsonObject kept = json(http.getAs("/api/v1/reports?kind=MONTH&limit=1", SUPERVISOR, SUPERVISOR_PW)).getJsonArray("reports")
                .getJsonObject(0);
        assertEquals(month, kept.getString("period"));
        JsonObject report = json(http.getAs("/api/v1/reports/" + kept.getLong("id"), SUPERVISOR, SUPERVISOR_PW));
        JsonObject reportA17 = report.getJsonArray("units").stream().map(JsonObject.class::cast).filter(u -> u.getString("key").equals("A17"))
                .findFirst().orElseThrow();
        text(board, "#report-units tr[data-unit='A17'] td[data-field='accepted']", String.valueOf(reportA17.getInteger("accepted")));
        text(board, "#report-units tr[data-unit='A17'] td[data-field='points']", String.valueOf(reportA17.getInteger("points")));
        visible(board, "#reports-table tr[data-report='" + kept.getLong("id") + "'] a[href$='.pdf']");
        ((JavascriptExecutor) board).executeScript("document.getElementById('reports').scrollIntoView()");
        screenshot(board, "dashboard-reports");

        WebDriver console = browser(1440, 900);
        console.get(url("/ui/console"));
        signInOnPage(console, CLERK, CLERK_PW);
        visible(console, "button[data-tab='cases']").click();
        text(console, "#cases-table tr[data-case='" + no + "'] .state", "已办结");
        screenshot(console, "console-cases");
        json(http.post("/api/v1/windows/" + window + "/sign-out", CLERK, CLERK_PW));
    }
    /** The complaint desk (R20): a desk complaint entered in the console, the unit's reply, the answer recorded on the page. */
    @Test
    public void gAComplaintIsEnteredAtTheDeskAndFollowedUpInTheConsole() throws Exception {
        Http http = new Http(node.httpPort);
        WebDriver console = browser(1440, 1000);
        console.get(url("/ui/console"));
        signInOnPage(console, SUPERVISOR, SUPERVISOR_PW);
        visible(console, "button[data-tab='complaints']").click();
        visible(console, "#complaint-name").sendKeys("王小红");
        console.findElement(By.id("complaint-phone")).sendKeys("12345");
        console.findElement(By.id("complaint-text")).sendKeys("窗口让我跑了三次");
        console.findElement(By.id("complaint-submit")).click();
        assertTrue(visible(console, "#message").getText(), console.findElement(By.id("message")).getText().contains("phone"));

        WebElement phone = console.findElement(By.id("complaint-phone"));
        phone.clear();
        phone.sendKeys("13812345678");
        new org.openqa.selenium.support.ui.Select(console.findElement(By.id("complaint-unit"))).selectByValue("A17");
        console.findElement(By.id("complaint-submit")).click();
        new WebDriverWait(console, Duration.ofSeconds(30), Duration.ofMillis(250)).withMessage("the complaint is entered")
                .until(d -> d.findElement(By.id("info")).getText().startsWith("已登记投诉 TS-"));
        String no = console.findElement(By.id("info")).getText().replace("已登记投诉 ", "").strip();
        String row = "#complaints-table tr[data-complaint='" + no + "']";
        text(console, row + " .state", "待答复");
        text(console, row + " .unit-cell", "A17");

        // the unit replies in its back office, where the complainant is masked
        WebDriver office = browser(1440, 1000);
        office.get(url("/ui/backoffice"));
        signInOnPage(office, DEPARTMENT, DEPARTMENT_PW);
        String mine = "#c-table tr[data-complaint='" + no + "']";
        text(office, mine + " .state", "待答复");
        assertFalse(office.findElement(By.id("c-table")).getText().contains("13812345678"));
        office.findElement(By.cssSelector(mine + " textarea")).sendKeys("已核实，已向投诉人致歉");
        click(office, mine + " button[data-action='reply']");
        text(office, mine + " .state", "待回访");
        screenshot(office, "backoffice-complaints");
        new org.openqa.selenium.support.ui.Select(console.findElement(By.id("complaints-state"))).selectByValue("REPLIED");
        text(console, row + " .state", "待回访");
        text(console, row + " .reply", "已核实，已向投诉人致歉");
        screenshot(console, "console-complaints");
        click(console, row + " button[data-action='accepted']");
        new WebDriverWait(console, Duration.ofSeconds(30), Duration.ofMillis(250)).withMessage("the complaint is closed")
                .until(d -> d.findElement(By.id("info")).getText().contains("已办结"));
        assertEquals("CLOSED", json(http.getAs("/api/v1/complaints/" + no, SUPERVISOR, SUPERVISOR_PW)).getString("state"));
    }

    /** The staff registry (R15, R16): the unit files a dispatch in its back office, the hall approves it and records the training in the console. */
    @Test
    public void hAClerkDispatchedInTheBackOfficeIsApprovedAndTrainedInTheConsole() throws Exception {
        Http http = new Http(node.httpPort);
        WebDriver office = browser(1440, 1000);
        office.get(url("/ui/backoffice"));
        signInOnPage(office, DEPARTMENT, DEPARTMENT_PW);
        visible(office, "#s-name").sendKeys("李娜");
        new org.openqa.selenium.support.ui.Select(office.findElement(By.id("s-post"))).selectByValue("WINDOW_STAFF");
        office.findElement(By.id("s-user")).sendKeys(NEW_CLERK);
        office.findElement(By.id("s-reason")).sendKeys("出入境窗口新增人员");
        office.findElement(By.cssSelector("#s-dispatch button[type='submit']")).click();
        new WebDriverWait(office, Duration.ofSeconds(30), Duration.ofMillis(250)).withMessage("the dispatch is filed")
                .until(d -> d.findElement(By.id("info")).getText().startsWith("已提交表单 "));
        String form = office.findElement(By.id("info")).getText().replaceAll("\\D+", " ").strip().split(" ")[0];
        JsonObject mine = json(http.getAs("/api/v1/staff", DEPARTMENT, DEPARTMENT_PW)).getJsonArray("staff").getJsonObject(0);
        String member = "tr[data-staff='" + mine.getLong("id") + "']";
        text(office, "#s-table " + member + " .state", "待审核");
        screenshot(office, "backoffice-staff");

        WebDriver console = browser(1440, 1000);
        console.get(url("/ui/console"));
        signInOnPage(console, SUPERVISOR, SUPERVISOR_PW);
        visible(console, "button[data-tab='staff']").click();
        click(console, "#staff-forms tr[data-form='" + form + "'] button[data-action='approve']");
        new WebDriverWait(console, Duration.ofSeconds(30), Duration.ofMillis(250)).withMessage("the form is approved")
                .until(d -> d.findElement(By.id("info")).getText().equals("表单 " + form + " 已审核通过"));
        text(console, "#staff-table " + member + " .state", "在岗");
        HttpResponse<String> refused = http.post("/api/v1/windows/" + (WINDOW + 5) + "/sign-in", NEW_CLERK, NEW_CLERK_PW);
        assertEquals(refused.body(), 409, refused.statusCode());
        assertEquals("training-required", new JsonObject(refused.body()).getString("code"));

        visible(console, "#staff-table " + member + " input.course").sendKeys("窗口服务规范与综合受理");
        click(console, "#staff-table " + member + " button[data-action='train']");
        new WebDriverWait(console, Duration.ofSeconds(30), Duration.ofMillis(250)).withMessage("the training is recorded")
                .until(d -> d.findElement(By.id("info")).getText().equals("已记录 李娜 的培训"));
        waiting(console).until(d -> d.findElement(By.cssSelector("#staff-table " + member)).getText().contains("已合格"));
        screenshot(console, "console-staff");
        json(http.post("/api/v1/windows/" + (WINDOW + 5) + "/sign-in", NEW_CLERK, NEW_CLERK_PW));

        // the public see the clerk's name plate (staff number and name), never its login name
        String staffNumber = json(http.getAs("/api/v1/staff/" + mine.getLong("id"), SUPERVISOR, SUPERVISOR_PW)).getString("staffNumber");
        WebDriver screen = browser(1920, 1080);
        screen.get(url("/ui/screen?zone=police"));
        visible(screen, "#title");
        json(http.postJson("/api/v1/tickets", "{\"zone\": \"police\"}"));
        JsonObject called = json(http.post("/api/v1/windows/" + (WINDOW + 5) + "/call-next", NEW_CLERK, NEW_CLERK_PW)).getJsonObject("ticket");
        String plate = "#calls [data-window='" + (WINDOW + 5) + "'] .plate";
        new WebDriverWait(screen, Duration.ofSeconds(30), Duration.ofMillis(250)).withMessage("the screen shows the window's name plate")
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class) // the screen redraws its calls from the stream
                .until(d -> !d.findElements(By.cssSelector(plate)).isEmpty()
                        && d.findElement(By.cssSelector(plate)).getText().equals(staffNumber + " 李娜"));
        assertTrue("no login name on the caller screen", !screen.getPageSource().contains(NEW_CLERK));
        screenshot(screen, "screen-name-plate");
        WebDriver phone = browser(390, 844);
        phone.get(url("/ui/ticket?id=" + called.getString("id")));
        new WebDriverWait(phone, Duration.ofSeconds(30), Duration.ofMillis(250)).withMessage("the ticket page names the staff at the window")
                .until(d -> d.findElement(By.id("window")).getText().contains("工号 " + staffNumber + " 李娜"));
        assertTrue("no login name on the ticket page", !phone.getPageSource().contains(NEW_CLERK));
        screenshot(phone, "ticket-name-plate");
        json(http.post("/api/v1/windows/" + (WINDOW + 5) + "/no-show", NEW_CLERK, NEW_CLERK_PW));
        json(http.post("/api/v1/windows/" + (WINDOW + 5) + "/sign-out", NEW_CLERK, NEW_CLERK_PW));
    }

    /** Sets a date input as a person would pick the day, and lets the page see the change. */
    private static void pickDay(WebDriver d, String css, java.time.LocalDate day) {
        ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                visible(d, css), day.toString());
    }

    /**
     * Sets the node's hall clock to a local time of the hall's today (etc/org.onedoor.hall.cfg {@code setTo}; an empty
     * value gives the system clock back) and waits until its health answer reads it.
     *
     * @return the hall's time then, to the minute
     */
    private static java.time.LocalDateTime setHallClock(String setTo, java.util.function.Predicate<java.time.LocalDateTime> reads)
            throws Exception {
        HallNodeProcess.set(node.home.resolve("etc/org.onedoor.hall.cfg"), "setTo", setTo);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonObject health = new JsonObject(new Http(node.httpPort).get("/api/v1/health").body());
            java.time.LocalDateTime t = java.time.LocalDateTime.parse(health.getString("hallTime"));
            if (reads.test(t)) {
                return t.withSecond(0);
            }
            if (System.nanoTime() > deadline) {
                fail("the hall's clock did not take setTo = " + setTo + ": it reads " + t);
            }
            Thread.sleep(250);
        }
    }

    @Test
    public void iTheCitizenPageBooksAndCancelsAndTheKioskChecksBookingsInOnTimeAndLate() throws Exception {
        // the hall's clock at 10:05 of today, whatever the hour the test runs at: the next slot (10:30) is today's,
        // the one that began (10:00) is on time, the one before (09:30) late
        java.time.LocalDate today = java.time.LocalDate.now(HALL);
        java.time.LocalDateTime set = setHallClock(today + "T10:05",
                t -> t.toLocalDate().equals(today) && t.getHour() == 10 && t.getMinute() >= 5 && t.getMinute() < 20);
        try {
            bookCancelAndCheckIn(set.atZone(HALL));
        } finally {
            setHallClock("", t -> Duration.between(java.time.LocalDateTime.now(HALL), t).abs().toSeconds() < 60);
        }
    }

    private void bookCancelAndCheckIn(java.time.ZonedDateTime now) throws Exception {
        Http http = new Http(node.httpPort);
        java.time.ZonedDateTime next = now.getMinute() < 30 ? now.withMinute(30) : now.withMinute(0).plusHours(1);
        String phone = "13822220001";

        // the citizen page books the next slot: its window (45 minutes before) is open now
        WebDriver page = browser(412, 915);
        page.get(url("/ui/booking"));
        waiting(page).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        waiting(page).until(d -> !d.findElements(By.cssSelector("#b-zone option[value='tax']")).isEmpty());
        new org.openqa.selenium.support.ui.Select(page.findElement(By.id("b-zone"))).selectByValue("tax");
        pickDay(page, "#b-day", next.toLocalDate());
        String slotOption = "#b-slot option[value='" + next.toLocalTime() + "']";
        waiting(page).until(d -> !d.findElements(By.cssSelector(slotOption)).isEmpty());
        new org.openqa.selenium.support.ui.Select(page.findElement(By.id("b-slot"))).selectByValue(next.toLocalTime().toString());
        page.findElement(By.id("b-phone")).sendKeys("12345");
        page.findElement(By.id("b-submit")).click();
        text(page, "#message", "请填写 11 位手机号码");
        page.findElement(By.id("b-phone")).clear();
        page.findElement(By.id("b-phone")).sendKeys(phone);
        page.findElement(By.id("b-id")).sendKeys("110101199003071234");
        page.findElement(By.id("b-submit")).click();
        WebElement codeShown = visible(page, "#b-code");
        waiting(page).until(d -> codeShown.getText().matches("\\d{8}"));
        String onTime = codeShown.getText();
        assertTrue(page.findElement(By.id("b-window")).getText(), page.findElement(By.id("b-window")).getText().contains("签到"));
        screenshot(page, "booking-made");
        JsonObject stored = json(http.get("/api/v1/bookings/" + onTime + "?phone=" + phone));
        assertEquals("138****0001", stored.getString("phone"));
        assertEquals("110***********1234", stored.getString("idNumber"));

        // a second booking, looked up with code and number and cancelled on the page
        HttpResponse<String> r = http.postJson("/api/v1/bookings", "{\"zone\": \"tax\", \"day\": \"" + now.toLocalDate().plusDays(1)
                + "\", \"slot\": \"10:00\", \"phone\": \"" + phone + "\"}");
        assertEquals(r.body(), 201, r.statusCode());
        String other = new JsonObject(r.body()).getString("code");
        page.findElement(By.id("m-code")).clear();
        page.findElement(By.id("m-code")).sendKeys(other);
        page.findElement(By.id("m-phone")).clear();
        page.findElement(By.id("m-phone")).sendKeys("13900000000");
        page.findElement(By.id("m-find")).click();
        text(page, "#message", "预约码或手机号不对，请核对");
        page.findElement(By.id("m-phone")).clear();
        page.findElement(By.id("m-phone")).sendKeys(phone);
        page.findElement(By.id("m-find")).click();
        waiting(page).until(d -> "OPEN".equals(d.findElement(By.id("m-state")).getAttribute("data-state")));
        screenshot(page, "booking-found");
        page.findElement(By.id("m-cancel")).click();
        waiting(page).until(d -> "CANCELLED".equals(d.findElement(By.id("m-state")).getAttribute("data-state")));
        text(page, "#message", "预约已取消");
        assertEquals("CANCELLED", json(http.get("/api/v1/bookings/" + other + "?phone=" + phone)).getString("state"));

        // the kiosk: the cancelled one is refused, the on-time one gets an appointment ticket, a late one a normal ticket
        WebDriver kiosk = browser(1080, 1920);
        kiosk.get(url("/ui/kiosk"));
        visible(kiosk, "#appointment").click();
        keyIn(kiosk, other);
        kiosk.findElement(By.id("check-in")).click();
        text(kiosk, "#message", "这个预约已取消、已签到或已过期，不能再更改");

        assertEquals("the hall's clock is at 10:05: the next slot is today's", now.toLocalDate(), next.toLocalDate());
        keyIn(kiosk, onTime);
        kiosk.findElement(By.id("check-in")).click();
        WebElement number = visible(kiosk, "#t-number");
        waiting(kiosk).until(d -> number.getText().matches("H\\d{3}"));
        assertTrue(kiosk.findElement(By.id("t-appointment")).isDisplayed());
        assertFalse(kiosk.findElement(By.id("t-late")).isDisplayed());
        assertEquals("CHECKED_IN", json(http.get("/api/v1/bookings/" + onTime + "?phone=" + phone)).getString("state"));
        visible(kiosk, "#done").click();

        // began 30 to 60 minutes ago (09:30 at 10:05 and later): its window closed 30 minutes after it
        java.time.LocalTime past = java.time.LocalTime.of(now.getHour(), now.getMinute() < 30 ? 0 : 30).minusMinutes(30);
        String late = book(http, "tax", now.toLocalDate(), past);
        visible(kiosk, "#appointment").click();
        keyIn(kiosk, late);
        kiosk.findElement(By.id("check-in")).click();
        WebElement lateNumber = visible(kiosk, "#t-number");
        waiting(kiosk).until(d -> lateNumber.getText().matches("H\\d{3}"));
        assertTrue(visible(kiosk, "#t-late").getText().contains("按普通号排队"));
        assertFalse(kiosk.findElement(By.id("t-appointment")).isDisplayed());
        screenshot(kiosk, "kiosk-late-check-in");
        String ticketId = kiosk.findElement(By.id("t-link")).getText().replaceAll(".*id=", "");
        assertEquals("NORMAL", json(http.get("/api/v1/tickets/" + ticketId)).getString("priority"));
    }

    private static void fill(WebDriver d, String id, String value) {
        WebElement e = visible(d, "#" + id);
        e.clear();
        e.sendKeys(value);
    }

    /** A legal person with its representative and an agent under a power of attorney, as a clerk fills them in on the workstation. */
    private static void fillLegalPerson(WebDriver desk) {
        new org.openqa.selenium.support.ui.Select(desk.findElement(By.id("app-kind"))).selectByValue("LEGAL_PERSON");
        fill(desk, "app-name", "驿城区某某酒店管理有限公司");
        fill(desk, "app-uscc", "91411700MA40ABC1XT");
        fill(desk, "rep-name", "王五");
        fill(desk, "app-id", "411702199003074515");
        desk.findElement(By.id("app-name")).click();
        text(desk, "#app-id-masked", "411***********4515");
        desk.findElement(By.id("agent-on")).click();
        fill(desk, "agent-name", "John Smith");
        new org.openqa.selenium.support.ui.Select(desk.findElement(By.id("agent-doc-kind"))).selectByValue("PASSPORT");
        fill(desk, "agent-nationality", "USA");
        fill(desk, "agent-id", "X12345678");
        fill(desk, "agent-phone", "13812345678");
        fill(desk, "agent-poa", "WT-2026-0077");
        ((JavascriptExecutor) desk).executeScript("const e = document.getElementById('agent-poa-date'); e.value = '2026-01-05';"
                + " e.dispatchEvent(new Event('input', { bubbles: true }));");
    }

    private static void chooseHotelLicence(WebDriver desk) {
        fill(desk, "matter-q", "旅馆");
        desk.findElement(By.id("matter-search")).click();
        visible(desk, "#matter-results button[data-matter='A17-018']").click();
        assertTrue(visible(desk, "#matter-chosen").getText().contains("旅馆业特种行业许可证核发"));
    }

    /**
     * Issue 16 on the pages: a legal person with an agent filled in on the workstation, refused with its refusal notice printed,
     * then accepted; the back office begins the site survey and the paused clock shows on the back office, the workstation and
     * the citizen's look-up; at a universal window a one-thing bundle is chosen from the catalog, its shared materials asked once.
     */
    @Test
    public void jALegalPersonWithAnAgentIsRefusedThenAcceptedAndASurveyPausesItsClock() throws Exception {
        Http http = new Http(node.httpPort);
        json(http.postJson("/api/v1/tickets", "{\"zone\": \"police\"}"));
        int window = 104;
        WebDriver desk = deskWithACall(window, 1700);

        // 不予受理 for a legal person with an agent: recorded with a number, its notice printed as a PDF
        chooseHotelLicence(desk);
        fillLegalPerson(desk);
        desk.findElement(By.cssSelector("input[data-material='申请表']")).click();
        fill(desk, "refuse-reason", "经营场所未取得消防安全检查合格证明");
        waiting(desk).until(d -> d.findElement(By.id("refuse")).isEnabled());
        desk.findElement(By.id("refuse")).click();
        text(desk, "#case-state", "不予受理");
        String refusedNo = visible(desk, "#case-number").getText();
        assertTrue(visible(desk, "#case-applicant").getText().contains("代办人 John Smith"));
        assertTrue(visible(desk, "#case-applicant").getText().contains("法定代表人 王五"));
        assertFalse(desk.findElement(By.id("case-applicant")).getText().contains("91411700MA40ABC1XT"));
        WebElement notice = visible(desk, "#notice-refusal");
        assertEquals("不予受理通知书", notice.getText());
        String href = notice.getAttribute("href");
        assertTrue(href, href.endsWith("/api/v1/cases/" + refusedNo + "/notices/refusal.pdf"));
        HttpResponse<byte[]> pdf = http.getBytesAs(new java.net.URI(href).getPath(), CLERK, CLERK_PW);
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF-", new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        JsonObject refused = json(http.getAs("/api/v1/cases/" + refusedNo, CLERK, CLERK_PW));
        assertEquals("WT-2026-0077", refused.getJsonObject("applicant").getJsonObject("agent").getString("powerOfAttorney"));
        screenshot(desk, "window-refusal");

        // the same applicant again, with every material: accepted
        visible(desk, "#new-case").click();
        visible(desk, "#case-open");
        chooseHotelLicence(desk);
        fillLegalPerson(desk);
        for (WebElement box : desk.findElements(By.cssSelector("#materials input[data-material]"))) {
            box.click();
        }
        waiting(desk).until(d -> d.findElement(By.id("accept")).isEnabled());
        desk.findElement(By.id("accept")).click();
        text(desk, "#case-state", "已受理");
        String no = visible(desk, "#case-number").getText();
        String checkCode = visible(desk, "#check-code").getText();
        assertEquals("LEGAL_PERSON", json(http.getAs("/api/v1/cases/" + no, CLERK, CLERK_PW)).getJsonObject("applicant").getString("kind"));

        // the back office begins the site survey: the clock stands still
        WebDriver office = browser(1440, 1100);
        office.get(url("/ui/backoffice"));
        signInOnPage(office, DEPARTMENT, DEPARTMENT_PW);
        click(office, "#queue-table tr[data-case='" + no + "']");
        visible(office, "#d-steps button[data-step-start='SITE_SURVEY']").click();
        text(office, "#d-state", "特别程序");
        waiting(office).ignoring(org.openqa.selenium.StaleElementReferenceException.class).withMessage("the back office shows the paused clock")
                .until(d -> d.findElement(By.cssSelector("#d-deadline .clock")).getAttribute("data-paused").equals("true"));
        waiting(office).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#d-deadline .clock")).getText().startsWith("计时暂停中（现场勘验）"));
        assertEquals(1, office.findElements(By.cssSelector("#d-steps button[data-step='SITE_SURVEY']")).size());
        assertTrue(office.findElement(By.id("approve")).getAttribute("disabled") != null);
        screenshot(office, "backoffice-paused");

        // the workstation follows live, the citizen's look-up shows it too
        waiting(desk).ignoring(org.openqa.selenium.StaleElementReferenceException.class).withMessage("the workstation shows the paused clock")
                .until(d -> d.findElement(By.cssSelector("#case-clock .clock")).getAttribute("data-paused").equals("true"));
        waiting(desk).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("case-clock")).getText().contains("计时暂停中（现场勘验）"));
        text(desk, "#case-state", "特别程序");
        WebDriver phone = browser(412, 915);
        phone.get(url("/ui/ticket?case=" + no));
        phone.findElement(By.id("lookup-code")).sendKeys(checkCode);
        phone.findElement(By.id("lookup-button")).click();
        text(phone, "#case-state", "特别程序");
        assertTrue(visible(phone, "#case-clock").getText().startsWith("计时暂停中（现场勘验）"));
        screenshot(phone, "ticket-paused");

        // the survey done: the clock runs again
        visible(office, "#d-steps button[data-step='SITE_SURVEY']").click();
        waiting(office).until(d -> d.findElements(By.cssSelector("#d-steps button[data-step='SITE_SURVEY']")).isEmpty());
        waiting(desk).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(By.cssSelector("#case-clock .clock")).getAttribute("data-paused").equals("false"));
        json(http.post("/api/v1/windows/" + window + "/sign-out", CLERK, CLERK_PW));

        // a one-thing bundle at a universal window: chosen from the catalog, each shared material asked once
        json(http.postJson("/api/v1/tickets", "{\"zone\": \"universal\"}"));
        WebDriver counter = browser(1280, 1700);
        counter.get(url("/ui/window"));
        visible(counter, "#window-no").sendKeys("91");
        counter.findElement(By.id("user")).sendKeys(CLERK);
        counter.findElement(By.id("password")).sendKeys(CLERK_PW);
        counter.findElement(By.id("signin-button")).click();
        text(counter, "#title", "91号窗口");
        visible(counter, "#call-next").click();
        // a universal window calls the hall's waiting tickets of every zone, the oldest first
        waiting(counter).withMessage(() -> "a ticket is called at 91: " + counter.findElement(By.id("current-number")).getText() + " / "
                + counter.findElement(By.id("message")).getText())
                .until(d -> d.findElement(By.id("current-number")).getText().matches("[A-Z]\\d{3}"));
        waiting(counter).until(d -> !d.findElements(By.cssSelector("#one-thing option[data-one-thing='OT03']")).isEmpty());
        new org.openqa.selenium.support.ui.Select(counter.findElement(By.id("one-thing"))).selectByValue("OT03");
        visible(counter, "#one-thing-view fieldset.shared");
        assertTrue(counter.findElement(By.id("one-thing-view")).getText().contains("涉及部门：A15、A26"));
        assertEquals("the marriage certificate both ask for is asked once", 1,
                counter.findElements(By.cssSelector("#one-thing-view input[data-bundle-material='婚姻状况证明']")).size());
        // the real-estate unit's rules ask for their fields on the form
        visible(counter, "#rule-fields input[data-rule-field='unitNumber']").sendKeys("411702003001GB00012F00010203");
        counter.findElement(By.cssSelector("#rule-fields input[data-rule-field='transfereeIdNumber']")).sendKeys("411702199003074515");
        counter.findElement(By.cssSelector("#rule-fields input[data-rule-field='transferorIdNumber']")).sendKeys("11010519491231002X");
        assertFalse(counter.findElement(By.id("single-matter")).isDisplayed());
        fill(counter, "app-name", "赵六");
        fill(counter, "app-id", "411702199003074515");
        counter.findElement(By.id("app-name")).click();
        for (WebElement box : counter.findElements(By.cssSelector("#one-thing-view input[data-bundle-material]"))) {
            box.click();
        }
        waiting(counter).until(d -> d.findElement(By.id("accept")).isEnabled());
        counter.findElement(By.id("accept")).click();
        waiting(counter).withMessage(() -> "the bundle is accepted: " + counter.findElement(By.id("message")).getText())
                .until(d -> d.findElement(By.id("bundle-result")).isDisplayed());
        String bundle = counter.findElement(By.id("bundle-result")).getAttribute("data-bundle");
        assertTrue(bundle, bundle.matches("YJS-\\d{8}-\\d{4}"));
        assertEquals(2, counter.findElements(By.cssSelector("#bundle-result [data-part]")).size());
        JsonObject b = json(http.getAs("/api/v1/cases/bundles/" + bundle, CLERK, CLERK_PW));
        assertEquals("二手房买卖及公积金贷款“一件事”", b.getString("nameZh"));
        for (Object part : b.getJsonArray("parts")) {
            JsonObject p = (JsonObject) part;
            assertTrue("the one tick counts for both parts: " + p.encode(), p.getJsonArray("materials").stream().map(JsonObject.class::cast)
                    .anyMatch(m -> m.getString("name").equals("婚姻状况证明") && m.getBoolean("received")));
        }
        screenshot(counter, "window-one-thing");
        json(http.post("/api/v1/windows/91/sign-out", CLERK, CLERK_PW));
    }

    @Test
    public void kTheKioskAndTheScreenOfAnotherHallServeThatHall() throws Exception {
        Http http = new Http(node.httpPort);
        HallNodeOptions.await("hall xiping is served", () -> {
            try {
                return http.get("/api/v1/halls/xiping/zones").body().contains("\"count\":1");
            } catch (Exception e) {
                return false;
            }
        });
        WebDriver kiosk = browser(1080, 1920);
        kiosk.get(url("/ui/kiosk?hall=xiping"));
        String hallName = visible(kiosk, "#hall-name").getText();
        assertTrue(hallName, hallName.contains("西平县便民服务中心") && hallName.contains("Xiping County Service Center"));
        visible(kiosk, "button[data-zone='police']");
        assertEquals("only Xiping's zone is offered", 1, kiosk.findElements(By.cssSelector("#zones button")).size());
        assertFalse("bookings are the default hall's", kiosk.findElement(By.id("appointment")).isDisplayed());
        visible(kiosk, "button[data-zone='police']").click();
        visible(kiosk, "#normal").click();
        WebElement number = visible(kiosk, "#t-number");
        waiting(kiosk).until(d -> number.getText().matches("G\\d{3}"));
        assertEquals("Xiping numbers its own tickets", "G001", number.getText());
        assertTrue(kiosk.findElement(By.id("t-link")).getText(), kiosk.findElement(By.id("t-link")).getText().contains("hall=xiping"));
        screenshot(kiosk, "kiosk-xiping");

        WebDriver screen = browser(1920, 1080);
        screen.get(url("/ui/screen?hall=xiping"));
        waiting(screen).until(d -> d.findElement(By.id("title")).getText().contains("西平县"));
        assertEquals(200, http.postJsonAs("/api/v1/halls/xiping/windows/1/sign-in", "{}", CLERK, CLERK_PW).statusCode());
        assertEquals(200, http.postJsonAs("/api/v1/halls/xiping/windows/1/call-next", "{}", CLERK, CLERK_PW).statusCode());
        WebElement call = visible(screen, ".call[data-ticket='G001']");
        assertEquals("1", call.getAttribute("data-window"));
        screenshot(screen, "screen-xiping");
        assertEquals(200, http.postJsonAs("/api/v1/halls/xiping/windows/1/sign-out", "{}", CLERK, CLERK_PW).statusCode());

        HttpResponse<String> unknown = http.get("/ui/kiosk?hall=atlantis");
        assertEquals(unknown.body(), 404, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("\"code\":\"unknown-hall\"") && unknown.body().contains("\"field\":\"hall\""));
    }

    /**
     * The console's roster (R17 windows and name plates) and the back office's termination (R9): the hall puts a
     * member at a window of its zone and takes it off again, a refusal shown with the problem's own detail; the
     * department terminates a tolerance case whose supply-by day has passed (as the page sees the day), with a
     * required reason and a confirmation.
     */
    @Test
    public void lTheConsoleRostersAWindowAndTheBackOfficeTerminatesAnOverdueToleranceCase() throws Exception {
        Http http = new Http(node.httpPort);
        String today = java.time.LocalDate.now(HALL).toString();
        JsonObject form = json(http.postJsonAs("/api/v1/staff/dispatch", "{\"realName\":\"周敏\",\"post\":\"WINDOW_STAFF\",\"userName\":\""
                + ROSTER_CLERK + "\",\"reason\":\"出入境窗口排班\"}", DEPARTMENT, DEPARTMENT_PW));
        json(http.postJsonAs("/api/v1/staff/forms/" + form.getLong("id") + "/approve", "{}", SUPERVISOR, SUPERVISOR_PW));
        long staffId = form.getLong("staffId");
        json(http.putJson("/api/v1/staff/" + staffId + "/zone", "{\"zoneId\":\"police\"}", SUPERVISOR, SUPERVISOR_PW));
        String staffNumber = json(http.getAs("/api/v1/staff/" + staffId, SUPERVISOR, SUPERVISOR_PW)).getString("staffNumber");

        WebDriver console = browser(1440, 1000);
        console.get(url("/ui/console"));
        signInOnPage(console, SUPERVISOR, SUPERVISOR_PW);
        click(console, "button[data-tab='roster']");
        assertEquals(today, visible(console, "#roster-day").getAttribute("value"));
        visible(console, "#roster-empty");
        waiting(console).until(d -> !d.findElements(By.cssSelector("#roster-staff option[value='" + staffId + "']")).isEmpty());
        new org.openqa.selenium.support.ui.Select(console.findElement(By.id("roster-staff"))).selectByValue(Long.toString(staffId));
        console.findElement(By.id("roster-window")).sendKeys("158"); // a window of another zone: refused, in the problem's words
        console.findElement(By.id("roster-submit")).click();
        waiting(console).withMessage(() -> "the refusal's detail is shown: " + console.findElement(By.id("message")).getText())
                .until(d -> d.findElement(By.id("message")).getText().contains("158") && d.findElement(By.id("message")).getText().contains("police"));
        console.findElement(By.id("roster-window")).clear();
        console.findElement(By.id("roster-window")).sendKeys("110");
        console.findElement(By.id("roster-submit")).click();
        String row = "#roster-table tr[data-window='110']";
        text(console, row + " .number", staffNumber);
        assertTrue(visible(console, row + " .plate").getText().startsWith("周敏 · 窗口工作人员"));
        assertTrue(console.findElement(By.cssSelector(row + " .zone")).getText().startsWith("G "));
        assertTrue(console.findElement(By.id("info")).getText().contains("110号窗口"));
        JsonObject listed = json(http.getAs("/api/v1/staff/roster?day=" + today, SUPERVISOR, SUPERVISOR_PW)).getJsonArray("roster").getJsonObject(0);
        assertEquals(110, (int) listed.getInteger("window"));
        assertEquals(staffId, (long) listed.getLong("staffId"));
        screenshot(console, "console-roster");
        click(console, row + " button[data-action='remove']");
        assertTrue(visible(console, "#confirm-text").getText().contains(staffNumber));
        console.findElement(By.id("confirm-yes")).click();
        waiting(console).until(d -> d.findElement(By.id("info")).getText().equals("110号窗口 " + today + " 的排班已撤下"));
        visible(console, "#roster-empty");
        assertEquals(0, json(http.getAs("/api/v1/staff/roster?day=" + today, SUPERVISOR, SUPERVISOR_PW)).getJsonArray("roster").size());

        // a passport case accepted with its tolerable material missing
        json(http.postJson("/api/v1/tickets", "{\"zone\": \"police\"}"));
        json(http.post("/api/v1/windows/99/sign-in", CLERK, CLERK_PW));
        json(http.post("/api/v1/windows/99/call-next", CLERK, CLERK_PW));
        String no = json(http.postJsonAs("/api/v1/cases", "{\"matter\": \"A17-001\", \"applicant\": {\"name\": \"李四\", \"idNumber\":"
                + " \"411702199003074515\"}, \"materials\": [\"申请人居民身份证\", \"近期免冠彩色照片\"], \"window\": 99}", CLERK, CLERK_PW))
                .getString("number");
        json(http.post("/api/v1/windows/99/sign-out", CLERK, CLERK_PW));

        // the back office as it looks once the supply-by day has gone by: its page reads a clock 30 days on
        WebDriver office = browser(1440, 1100);
        ((ChromeDriver) office).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "(() => { const R = Date; const shift = 30 * 86400000; class D extends R {"
                        + " constructor(...a) { if (a.length) super(...a); else super(R.now() + shift); }"
                        + " static now() { return R.now() + shift; } } window.Date = D; })();"));
        office.get(url("/ui/backoffice"));
        signInOnPage(office, DEPARTMENT, DEPARTMENT_PW);
        click(office, "#queue-table tr[data-case='" + no + "']");
        visible(office, "#d-overdue");
        assertFalse("no approval while the material is missing", office.findElement(By.id("approve")).isEnabled());
        assertTrue(office.findElement(By.id("terminate")).isEnabled());
        office.findElement(By.id("terminate")).click();
        text(office, "#message", "终止办理请填写理由");
        visible(office, "#terminate-reason").sendKeys("申请人逾期未补齐容缺材料");
        office.findElement(By.id("terminate")).click();
        assertTrue(visible(office, "#confirm-text").getText().contains(no));
        office.findElement(By.id("confirm-no")).click();
        assertEquals("ACCEPTED", json(http.getAs("/api/v1/cases/" + no, DEPARTMENT, DEPARTMENT_PW)).getString("state"));
        office.findElement(By.id("terminate")).click();
        visible(office, "#confirm-yes").click();
        text(office, "#info", no + " 已终止办理，理由：申请人逾期未补齐容缺材料");
        waiting(office).until(d -> "TERMINATED".equals(d.findElement(By.id("d-state")).getAttribute("data-state")));
        text(office, "#d-ended", "终止办理：申请人逾期未补齐容缺材料");
        assertFalse(office.findElement(By.id("decide")).isDisplayed());
        screenshot(office, "backoffice-terminated");
        JsonObject ended = json(http.getAs("/api/v1/cases/" + no, DEPARTMENT, DEPARTMENT_PW));
        assertEquals("TERMINATED", ended.getString("state"));
        assertEquals("申请人逾期未补齐容缺材料", ended.getString("endReason"));
    }

    /**
     * Issue 18 on the pages (R13): the workstation takes the mail address at acceptance, the delivery preselects the free
     * mail, shows the address of the acceptance masked, and records the carrier and tracking number; nothing unmasked on the page.
     */
    @Test
    public void mAResultIsMailedFreeToTheAddressTakenAtTheWindow() throws Exception {
        Http http = new Http(node.httpPort);
        json(http.postJson("/api/v1/tickets", "{\"zone\": \"police\"}"));
        int window = 106;
        WebDriver desk = deskWithACall(window, 1900);
        fill(desk, "matter-q", "护照");
        desk.findElement(By.id("matter-search")).click();
        visible(desk, "#matter-results button[data-matter='A17-001']").click();
        fill(desk, "app-name", "张三");
        fill(desk, "app-id", "411702199003074515");
        desk.findElement(By.id("app-name")).click();
        text(desk, "#app-id-masked", "411***********4515");
        for (WebElement box : desk.findElements(By.cssSelector("#materials input[data-material]"))) {
            box.click();
        }
        desk.findElement(By.id("accept-mail-on")).click();
        fill(desk, "accept-mail-recipient", "张三");
        fill(desk, "accept-mail-phone", "13987654321");
        fill(desk, "accept-mail-province", "河南省");
        fill(desk, "accept-mail-city", "驻马店市");
        fill(desk, "accept-mail-district", "驿城区");
        fill(desk, "accept-mail-street", "文明大道18号3单元502室");
        waiting(desk).until(d -> d.findElement(By.id("accept")).isEnabled());
        desk.findElement(By.id("accept")).click();
        text(desk, "#case-state", "已受理");
        String no = visible(desk, "#case-number").getText();
        JsonObject accepted = json(http.getAs("/api/v1/cases/" + no, CLERK, CLERK_PW));
        assertEquals("MAIL", accepted.getString("deliveryPreference"));
        assertEquals("139****4321", accepted.getJsonObject("mail").getString("phone"));

        json(http.postJsonAs("/api/v1/cases/" + no + "/decision", "{\"approve\": true, \"reason\": \"符合条件\"}", DEPARTMENT, DEPARTMENT_PW));
        json(http.postJsonAs("/api/v1/cases/" + no + "/result-ready", "{}", DEPARTMENT, DEPARTMENT_PW));
        waiting(desk).withMessage("the workstation offers the delivery by mail").ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("delivery")).isDisplayed() && d.findElement(By.id("delivery-mail")).isDisplayed());
        assertEquals("MAIL", new org.openqa.selenium.support.ui.Select(desk.findElement(By.id("delivery-method"))).getFirstSelectedOption()
                .getAttribute("value"));
        String recorded = visible(desk, "#delivery-mail-recorded").getText();
        assertTrue(recorded, recorded.contains("河南省驻马店市驿城区") && recorded.contains("139****4321") && !recorded.contains("文明大道"));
        fill(desk, "delivery-tracking", "EA123456789CN");
        screenshot(desk, "window-mail");
        desk.findElement(By.id("deliver")).click();
        waiting(desk).withMessage(() -> "delivered by mail: " + desk.findElement(By.id("message")).getText())
                .until(d -> d.findElement(By.id("delivered")).isDisplayed() && d.findElement(By.id("delivered")).getText().contains("EA123456789CN"));
        String delivered = desk.findElement(By.id("delivered")).getText();
        assertTrue(delivered, delivered.contains("中国邮政EMS") && delivered.contains("驿城区") && !delivered.contains("文明大道"));
        JsonObject mailed = json(http.getAs("/api/v1/cases/" + no, CLERK, CLERK_PW));
        assertEquals("MAIL", mailed.getJsonObject("delivery").getString("method"));
        assertEquals("EMS", mailed.getJsonObject("mail").getString("carrier"));
        json(http.post("/api/v1/windows/" + window + "/sign-out", CLERK, CLERK_PW));
    }

    @Test
    public void nTheKioskSpeaksAndEnlargesForCitizensWhoSeeBadly() throws Exception {
        WebDriver kiosk = browser(1080, 1920);
        kiosk.get(url("/ui/kiosk"));
        visible(kiosk, "button[data-zone='police']");
        assertFalse("off by default", kiosk.findElement(By.tagName("body")).getAttribute("class").contains("assist"));
        kiosk.findElement(By.id("assist")).click();
        waiting(kiosk).until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("assist"));
        assertEquals("true", kiosk.findElement(By.id("assist")).getAttribute("aria-pressed"));
        WebElement caption = visible(kiosk, "#spoken");
        assertTrue(caption.getText(), caption.getText().contains("请选择办理区域") && caption.getText().contains("公安业务综合受理区"));

        kiosk.findElement(By.cssSelector("button[data-zone='police']")).click();
        waiting(kiosk).until(d -> d.findElement(By.id("spoken")).getText().contains("再按一次确认"));
        assertTrue("the first touch reads the zone out and chooses nothing", kiosk.findElement(By.id("step-zone")).isDisplayed());
        kiosk.findElement(By.cssSelector("button[data-zone='police']")).click();
        visible(kiosk, "#normal");
        waiting(kiosk).until(d -> d.findElement(By.id("spoken")).getText().contains("普通取号"));

        kiosk.findElement(By.id("normal")).click();
        assertTrue("read out first", kiosk.findElement(By.id("step-kind")).isDisplayed());
        kiosk.findElement(By.id("normal")).click();
        WebElement number = visible(kiosk, "#t-number");
        waiting(kiosk).until(d -> number.getText().matches("G\\d{3}"));
        String said = kiosk.findElement(By.id("spoken")).getText();
        assertTrue(said, said.contains("您的号码是 " + number.getText()) && said.contains("前面还有"));
        long big = (Long) ((JavascriptExecutor) kiosk).executeScript(
                "return Math.round(parseFloat(getComputedStyle(document.getElementById('t-number')).fontSize))");
        assertTrue("large text: " + big + "px", big >= 300);
        screenshot(kiosk, "kiosk-assist");

        kiosk.findElement(By.id("assist")).click();
        waiting(kiosk).until(d -> !d.findElement(By.tagName("body")).getAttribute("class").contains("assist"));
        assertFalse("the caption goes with the voice", kiosk.findElement(By.id("spoken")).isDisplayed());
    }

    @Test
    public void oAKioskNamesItselfAndSaysWhenItsReceiptCouldNotBePrinted() throws Exception {
        WebDriver kiosk = browser(1080, 1920);
        kiosk.get(url("/ui/kiosk?kiosk=kiosk-a"));
        visible(kiosk, "button[data-zone='police']").click();
        visible(kiosk, "#normal").click();
        WebElement number = visible(kiosk, "#t-number");
        waiting(kiosk).until(d -> number.getText().matches("G\\d{3}"));
        String link = kiosk.findElement(By.id("t-link")).getText();
        String id = java.net.URLDecoder.decode(link.substring(link.indexOf("id=") + 3), java.nio.charset.StandardCharsets.UTF_8);
        JsonObject ticket = new JsonObject(new Http(node.httpPort).get("/api/v1/tickets/" + id).body());
        assertEquals("the kiosk's id goes with its ticket", "kiosk-a", ticket.getString("kiosk"));
        // this node has no printer at all: the receipt is NO_PRINTER and the kiosk says so, zh first with English beside
        JsonObject receipt = new JsonObject(new Http(node.httpPort).get("/api/v1/tickets/" + id + "/receipt").body());
        assertEquals(receipt.encode(), "NO_PRINTER", receipt.getString("state"));
        WebElement notice = visible(kiosk, "#t-receipt");
        assertTrue(notice.getText(), notice.getText().startsWith("小票未能打印") && notice.getText().contains("The receipt could not be printed"));
        assertTrue("the QR code of the status page stays", kiosk.findElements(By.cssSelector("#t-qr canvas, #t-qr img")).size() > 0);
        long big = (Long) ((JavascriptExecutor) kiosk).executeScript(
                "return Math.round(parseFloat(getComputedStyle(document.getElementById('t-number')).fontSize))");
        assertTrue("the number larger: " + big + "px", big >= 280);
        screenshot(kiosk, "kiosk-no-receipt");
        kiosk.findElement(By.id("done")).click();
        visible(kiosk, "button[data-zone='police']");
        assertFalse("the next citizen starts without the notice", kiosk.findElement(By.id("t-receipt")).isDisplayed());
    }

    @Test
    public void pTheWindowsRatingPadShowsTheFacesForTheCaseTheClerkAsksAboutAndThanks() throws Exception {
        Http http = new Http(node.httpPort);
        int window = 107;
        Files.writeString(node.home.resolve("etc/org.onedoor.ratingpads.cfg"), "pads = " + PAD + "=" + window + "\n");
        String token = json(http.postJsonAs("/api/v1/admin/device-tokens", "{\"username\":\"" + PAD + "\"}", ADMIN, ADMIN_PW)).getString("token");
        WebDriver pad = browser(1280, 800);
        pad.get(url("/ui/pad?window=" + window + "#token=" + token));
        assertFalse("the token leaves the address", pad.getCurrentUrl().contains(token));
        waiting(pad).withMessage("the pad binding of etc/org.onedoor.ratingpads.cfg is taken")
                .until(d -> "idle".equals(d.findElement(By.tagName("body")).getAttribute("data-screen")));
        text(pad, "#idle-window", window + "号窗口");
        screenshot(pad, "pad-idle");

        // the clerk accepts a passport case at the window; the back office decides it; the clerk hands the result over
        json(http.postJson("/api/v1/tickets", "{\"zone\": \"police\"}"));
        WebDriver desk = deskWithACall(window, 1900);
        fill(desk, "matter-q", "护照");
        desk.findElement(By.id("matter-search")).click();
        visible(desk, "#matter-results button[data-matter='A17-001']").click();
        fill(desk, "app-name", "王五");
        fill(desk, "app-id", "411702199003074515");
        desk.findElement(By.id("app-name")).click();
        for (WebElement box : desk.findElements(By.cssSelector("#materials input[data-material]"))) {
            box.click();
        }
        waiting(desk).until(d -> d.findElement(By.id("accept")).isEnabled());
        desk.findElement(By.id("accept")).click();
        text(desk, "#case-state", "已受理");
        String no = visible(desk, "#case-number").getText();
        assertFalse("「请评价」 only after delivery", desk.findElement(By.id("ask-rating")).isDisplayed());
        json(http.postJsonAs("/api/v1/cases/" + no + "/decision", "{\"approve\": true, \"reason\": \"符合条件\"}", DEPARTMENT, DEPARTMENT_PW));
        json(http.postJsonAs("/api/v1/cases/" + no + "/result-ready", "{}", DEPARTMENT, DEPARTMENT_PW));
        waiting(desk).withMessage("the workstation offers the delivery").ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("delivery")).isDisplayed());
        desk.findElement(By.id("deliver")).click();
        visible(desk, "#ask-rating").click();
        waiting(desk).withMessage(() -> "the prompt is left for the pad: " + desk.findElement(By.id("message")).getText())
                .until(d -> d.findElement(By.id("info")).getText().contains("107 号窗口评价器"));
        screenshot(desk, "window-ask-rating");
        waiting(pad).withMessage("the prompt appears within the poll").until(d -> d.findElement(By.id("rate")).isDisplayed());
        text(pad, "#rate-party", "请为窗口受理人员评价");
        assertEquals(5, pad.findElements(By.cssSelector("#faces button[data-level]")).size());
        assertFalse(pad.findElement(By.tagName("body")).getText().contains(CLERK));
        screenshot(pad, "pad-faces");
        pad.findElement(By.cssSelector("#faces button[data-level='VERY_SATISFIED']")).click();
        waiting(pad).until(d -> "BACK".equals(d.findElement(By.id("rate-party")).getAttribute("data-party")));
        click(pad, "#faces button[data-level='DISSATISFIED']");
        visible(pad, "#reasons button[data-reason='B07']");
        assertFalse("a bad face needs a reason", pad.findElement(By.id("send")).isEnabled());
        pad.findElement(By.cssSelector("#reasons button[data-reason='B07']")).click();
        waiting(pad).until(d -> d.findElement(By.id("send")).isEnabled());
        screenshot(pad, "pad-reasons");
        pad.findElement(By.id("send")).click();
        visible(pad, "#thanks");
        text(pad, "#thanks h2", "感谢您的评价！");
        waiting(pad).withMessage("back to idle").until(d -> d.findElement(By.id("idle")).isDisplayed());
        JsonObject history = json(http.getAs("/api/v1/cases/" + no + "/evaluations/history", SUPERVISOR, SUPERVISOR_PW));
        assertEquals(List.of("FRONT/VERY_SATISFIED/WINDOW_PAD", "BACK/DISSATISFIED/WINDOW_PAD"), history.getJsonArray("versions").stream()
                .map(o -> (JsonObject) o).map(v -> v.getString("party") + "/" + v.getString("level") + "/" + v.getString("channel")).toList());
        json(http.post("/api/v1/windows/" + window + "/sign-out", CLERK, CLERK_PW));
    }
}
