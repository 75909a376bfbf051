#!/usr/bin/python3
"""The contributors' door in a real browser: Debian's chromium, headless, driven by
Selenium through chromium-driver. One step of the flow per run (the desk's steps happen
in between, in the terminal); each run ends with a line "N passed, M failed" and exits
non-zero when a check failed.

  contributor_flow.py submit    BASE NAME PASSWORD TITLE PHOTO     signs in, submits with a photo, sees it pending;
                                                                   prints "item ID"
  contributor_flow.py published BASE NAME PASSWORD ID TITLE SITE   finds it on the site's home, its page and the feed
  contributor_flow.py resubmit  BASE NAME PASSWORD ID NEW_TITLE    edits a returned item and resubmits it
"""
import sys
import urllib.request
import xml.etree.ElementTree as ElementTree

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as until
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 20
passed = 0
failed = 0


def check(what, condition):
    global passed, failed
    if condition:
        passed += 1
        print("ok   " + what)
    else:
        failed += 1
        print("FAIL " + what)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=412,900", "--lang=vi-VN"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "vi-VN,vi"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for(driver, what, condition):
    """Polls until `condition(driver)` holds (Selenium's wait); records the check."""
    try:
        WebDriverWait(driver, TIMEOUT, poll_frequency=0.1).until(condition)
        check(what, True)
        return True
    except TimeoutException:
        check(what + " (page was: " + driver.current_url + ")\n" + driver.find_element(By.TAG_NAME, "body").text[:800], False)
        return False


def no_script(driver, where):
    check("no script on " + where, "<script" not in driver.page_source.lower())


def sign_in(driver, base, name, password):
    driver.get(base + "/cong-tac-vien/")
    wait_for(driver, "the door asks to sign in", until.presence_of_element_located((By.ID, "sign-in")))
    no_script(driver, "the sign-in page")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "sign-in").click()
    wait_for(driver, "signed in: my items", until.presence_of_element_located((By.ID, "new-item")))


def submit(base, name, password, title, photo):
    driver = browser()
    try:
        sign_in(driver, base, name, password)
        cookie = driver.get_cookie("bientap_door") or {}
        check("the session cookie is HttpOnly", cookie.get("httpOnly") is True)
        check("the session cookie is SameSite=Lax", cookie.get("sameSite") == "Lax")
        driver.find_element(By.ID, "new-item").click()
        wait_for(driver, "the new-item form", until.presence_of_element_located((By.ID, "title")))
        driver.find_element(By.ID, "title").send_keys(title)
        driver.find_element(By.ID, "sapo").send_keys("Sapo viết trong trình duyệt.")
        driver.find_element(By.ID, "body").send_keys("Đoạn thứ nhất của bài.\n\nĐoạn thứ hai, có số liệu 26.500 liều.")
        driver.find_element(By.ID, "photo1").send_keys(photo)
        driver.find_element(By.ID, "caption1").send_keys("Tiêm chủng tại trạm y tế xã")
        driver.find_element(By.ID, "credit1").send_keys("Ảnh: Cộng tác viên")
        # Preview first: the desk's word count, then submit.
        driver.find_element(By.ID, "preview").click()
        wait_for(driver, "the preview counts the words", until.presence_of_element_located((By.ID, "word-count")))
        check("the preview kept the title", driver.find_element(By.ID, "title").get_attribute("value") == title)
        driver.find_element(By.ID, "photo1").send_keys(photo)
        driver.find_element(By.ID, "submit").click()
        wait_for(driver, "the item's page says it waits for review",
                 until.text_to_be_present_in_element((By.ID, "status"), "Đã gửi, chờ duyệt"))
        check("its photo is listed", "Tiêm chủng tại trạm y tế xã" in driver.page_source)
        no_script(driver, "the item's page")
        item = driver.current_url.split("/bai/")[-1].split("?")[0]
        driver.get(base + "/cong-tac-vien/")
        wait_for(driver, "my items list it as pending",
                 until.text_to_be_present_in_element((By.ID, "item-" + item), "Đã gửi, chờ duyệt"))
        print("item " + item)
    finally:
        driver.quit()


def published(base, name, password, item, title, site):
    driver = browser()
    try:
        sign_in(driver, base, name, password)
        driver.get(base + "/cong-tac-vien/bai/" + item)
        wait_for(driver, "the door says it is published", until.text_to_be_present_in_element((By.ID, "status"), "Đã đăng"))
        address = driver.find_element(By.ID, "public-address").get_attribute("href")
        driver.get(base + "/" + site)
        wait_for(driver, "the site's home page lists it", until.presence_of_element_located((By.LINK_TEXT, title)))
        no_script(driver, "the site's home page")
        driver.find_element(By.LINK_TEXT, title).click()
        wait_for(driver, "its article page shows its title", until.text_to_be_present_in_element((By.TAG_NAME, "h1"), title))
        check("the article page is at its recorded address", driver.current_url == address)
        check("the article page shows the photo's caption", "Tiêm chủng tại trạm y tế xã" in driver.page_source)
        no_script(driver, "the article page")
        # The feed as a feed reader reads it: parsed, its items' titles.
        with urllib.request.urlopen(base + "/" + site + "/rss.xml", timeout=TIMEOUT) as answer:
            feed = ElementTree.fromstring(answer.read())
        check("the feed lists it", title in [entry.findtext("title") for entry in feed.iter("item")])
    finally:
        driver.quit()


def resubmit(base, name, password, item, new_title):
    driver = browser()
    try:
        sign_in(driver, base, name, password)
        driver.get(base + "/cong-tac-vien/bai/" + item)
        wait_for(driver, "the item was returned", until.text_to_be_present_in_element((By.ID, "status"), "Trả lại để sửa"))
        check("the editors' note is shown", "Cần thêm số liệu" in driver.page_source)
        field = driver.find_element(By.ID, "title")
        field.clear()
        field.send_keys(new_title)
        driver.find_element(By.ID, "note").send_keys("Đã thêm số liệu")
        driver.find_element(By.ID, "resubmit").click()
        wait_for(driver, "resubmitted", until.text_to_be_present_in_element((By.ID, "status"), "Đã gửi lại, chờ duyệt"))
        check("the page shows the new title", driver.find_element(By.TAG_NAME, "h1").text == new_title)
        # The back button after a resubmission re-sends nothing (the answer was a redirect).
        driver.back()
        wait_for(driver, "back at the item", until.presence_of_element_located((By.ID, "status")))
        check("the item is still resubmitted", "Đã gửi lại, chờ duyệt" in driver.find_element(By.ID, "status").text)
    finally:
        driver.quit()


def main(arguments):
    steps = {"submit": (submit, 5), "published": (published, 6), "resubmit": (resubmit, 5)}
    if len(arguments) < 1 or arguments[0] not in steps or len(arguments) - 1 != steps[arguments[0]][1]:
        print(__doc__)
        return 2
    step, _ = steps[arguments[0]]
    try:
        step(*arguments[1:])
    except (WebDriverException, OSError, ElementTree.ParseError) as error:
        check("the step ran: " + (str(error).splitlines() or ["?"])[0], False)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
