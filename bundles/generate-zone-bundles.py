#!/usr/bin/env python3
"""Writes one data-only bundle per acceptance area from the hall data (zones.json, departments.json).

Run from the repository root when the hall's layout changes:
    python3 bundles/generate-zone-bundles.py ../shared/hall-data
The output (bundles/org.onedoor.zone.<id>/) is committed: the node never reads the hall data itself.
Windows are numbered hall-wide in the order of zones.json; each zone gets the next ticket letter
(I and O are skipped: they read as 1 and 0).
"""
import json
import os
import sys

LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"

POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.onedoor</groupId>
    <artifactId>onedoor-zone-bundles</artifactId>
    <version>0.1.0-SNAPSHOT</version>
  </parent>
  <artifactId>org.onedoor.zone.{id}</artifactId>
  <name>OneDoor zone {id}</name>
  <description>Acceptance area {name_en} ({name_zh}): descriptor only.</description>
</project>
"""


def main(data_dir):
    zones = json.load(open(os.path.join(data_dir, "zones.json"), encoding="utf-8"))
    departments = json.load(open(os.path.join(data_dir, "departments.json"), encoding="utf-8"))["departments"]
    number = 0
    modules = []
    for index, z in enumerate(zones["zones"]):
        windows = []
        for _ in range(z["windows"]):
            number += 1
            windows.append({"number": number, "zoneId": z["id"], "labelZh": f"{number}号窗口"})
        units = [{"id": d["id"], "nameZh": d["name_zh"], "nameEn": d["name_en"]}
                 for d in departments if d["zone"] == z["id"]]
        for name in z["units_zh"]:
            if not any(u["nameZh"] in name or name in u["nameZh"] for u in units):
                units.append({"id": "", "nameZh": name, "nameEn": ""})
        descriptor = {
            "id": z["id"], "letter": LETTERS[index], "nameZh": z["name_zh"], "nameEn": z["name_en"],
            "floor": z["floor"], "universal": z["id"] == "universal", "windows": windows, "units": units,
        }
        module = f"org.onedoor.zone.{z['id']}"
        res = os.path.join("bundles", module, "src", "main", "resources", "onedoor")
        os.makedirs(res, exist_ok=True)
        with open(os.path.join(res, "zone.json"), "w", encoding="utf-8") as f:
            json.dump(descriptor, f, ensure_ascii=False, indent=1)
            f.write("\n")
        with open(os.path.join("bundles", module, "pom.xml"), "w", encoding="utf-8") as f:
            f.write(POM.format(id=z["id"], name_en=z["name_en"], name_zh=z["name_zh"]))
        modules.append(module)
    assert number == zones["total_windows"], (number, zones["total_windows"])
    print("\n".join(modules))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/hall-data")
