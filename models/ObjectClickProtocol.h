#pragma once

#include "models/InteractiveSegmentation.h"

#include <opencv2/core/mat.hpp>

#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace banquise::models {

// The per-object protocol of interactive segmentation (RITM, FocalClick's
// "from initial mask"): each object of the truth is refined on its own,
// starting from the model's automatic map of its tile and scored in its
// bounding box plus a margin. The simulated user clicks the pixel deepest
// inside the larger error region, the missed part of the object (a positive
// click of its class) or the wrong extra pixels (a negative click), never a
// pixel already clicked.

constexpr int kObjectMinPixels = 50;
// Leads narrower than this (widest inscribed width, pixels) lie within the
// SAR's resolution cell: scored by skeleton recall, not IoU.
constexpr int kMinLeadWidthPx = 3;
constexpr int kObjectMargin = 16;
constexpr int kMaxObjectClicks = 20;

// Pixels of an object's box.
enum ObjectPixel : unsigned char {
    kBackgroundPixel = 0, // another class: a predicted object pixel here is wrong
    kObjectPixel = 1,
    kIgnoredPixel = 2, // another object of the same class: not scored
};

// One connected component (8-connected) of a truth class on a tile.
struct ClickObject {
    int modelClass = 0;
    cv::Rect box;      // tile pixels: the bounding box plus the margin, within the tile
    cv::Mat1b pixels;  // ObjectPixel, box-sized
    bool thin = false; // a lead narrower than kMinLeadWidthPx
    cv::Mat1b centreline; // thin leads: the object's skeleton, box-sized
};

// The objects of a tile's truth (SeaIceClass per pixel, kNoClass ignored):
// at least kObjectMinPixels each; open and refrozen leads apart.
std::vector<ClickObject> findClickObjects(const cv::Mat1b& truthTile);

// The object's IoU in its box, and for a thin lead the share of its centre
// line with a predicted lead (open or refrozen) within one pixel.
double objectIou(const cv::Mat1b& tileClasses, const ClickObject& object);
double centrelineRecall(const cv::Mat1b& tileClasses, const ClickObject& object);

// The simulated user's next click on `object` (grid coordinates, the tile's
// top-left pixel at `origin`), never on a pixel set in `clicked` (tile-sized);
// nullopt when no error is left to click.
std::optional<Click> nextObjectClick(const cv::Mat1b& tileClasses, const ClickObject& object, const cv::Mat1b& clicked, cv::Point origin);

// The tile's classes given clicks (grid coordinates): the model's click
// refinement, or a control.
using ClickResponse = std::function<cv::Mat1b(const std::vector<Click>&)>;

// Score (IoU, or centre-line recall for a thin lead) after 0, 1, ...
// `maxClicks` clicks. Stops early once nothing is left to click, or once
// 10 clicks are made and 90 % reached; later entries repeat the last.
std::vector<double> refineObject(const ClickResponse& respond, const ClickObject& object, cv::Point origin, int maxClicks = kMaxObjectClicks);

// The control a click must beat: it paints a disk of its class (a negative
// click, the pixel's true class) as a careful brush would, the largest that
// stays inside the truth region of that class, at most kMaxBrushRadius.
constexpr int kMaxBrushRadius = 8;
class PaintControl {
public:
    PaintControl(cv::Mat1b initial, cv::Mat1b truthTile, cv::Point origin);
    // The initial map with every click painted.
    cv::Mat1b operator()(const std::vector<Click>& clicks) const;

private:
    cv::Mat1b m_initial;
    cv::Mat1b m_truth;
    cv::Point m_origin;
    std::array<cv::Mat1f, 3> m_insideDistance; // per class: distance to the class region's edge
};

// The ceiling of corrections local to the clicks: each click gives its
// true classes to exactly the wrong region (8-connected) it lands in, and
// changes nothing else.
class LocalCorrectionOracle {
public:
    LocalCorrectionOracle(cv::Mat1b initial, cv::Mat1b truthTile, cv::Point origin);
    cv::Mat1b operator()(const std::vector<Click>& clicks) const;

private:
    cv::Mat1b m_initial;
    cv::Mat1b m_truth;
    cv::Point m_origin;
};

// Objects' scores summarised the way the literature reports them. NoC
// counts the clicks (1 to the cap) after which a threshold is first
// reached, the cap when never.
struct NocSummary {
    int objects = 0;
    double noc85 = 0.0;
    double noc90 = 0.0;
    double failureRate = 0.0; // below 90 % after the last click
    std::array<double, 4> meanAfter{}; // mean score after 1, 3, 5 and 10 clicks
    double meanBefore = 0.0;
};
NocSummary summariseObjectRuns(const std::vector<std::vector<double>>& runs, int maxClicks = kMaxObjectClicks);

} // namespace banquise::models
