#pragma once

// Small helpers for the ESA file names inside SAFE products (scene-private).
#include <string>
#include <vector>

namespace banquise::scene {

std::string lowerCase(std::string text);

// The first file of `folder` (a folder, or one inside a zip through
// /vsizip/: listed with GDAL's virtual file system) whose lower-case name
// starts with `prefix` and contains `key`; empty when there is none.
std::string safeFileWith(const std::string& folder, const std::string& prefix, const std::string& key);

// Every `element`'s `attribute` (its text when null) in an XML file (a
// path GDAL's virtual file system reads); empty when it cannot be parsed.
std::vector<std::string> xmlValues(const std::string& file, const char* element, const char* attribute = nullptr);

// The files a SAFE's manifest.safe lists (its dataObjects' fileLocation
// hrefs, relative to the SAFE: a folder or a /vsizip/ path) that are not
// there. Empty when the manifest cannot be read.
std::vector<std::string> missingSafeFiles(const std::string& safe);

// "; missing from the product: a, b" for the missing files whose lower-case
// name contains every one of `keys` (all of them when none), or empty.
std::string missingPartsNote(const std::string& safe, const std::vector<std::string>& keys);

} // namespace banquise::scene
