#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"
#include "models/TorchScriptModel.h"

#include <torch/script.h>

#include <QTest>

#include <opencv2/core.hpp>

#include <fstream>
#include <random>

using namespace banquise;
using namespace banquise::models;

namespace {

// Inputs of a small grid: speckled HH and HV, a kriged prior.
ModelInputs syntheticInputs()
{
    ModelInputs in;
    in.grid = scene::AnalysisGrid(3413, 0.0, 0.0, 40.0, 96, 80);
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0.0f, 0.5f);
    in.primaryDb = cv::Mat1f(80, 96);
    in.secondaryDb = cv::Mat1f(80, 96);
    in.freeboardPrior = cv::Mat1f(80, 96, 0.25f);
    for (int r = 0; r < 80; ++r)
        for (int c = 0; c < 96; ++c) {
            in.primaryDb(r, c) = (c > 40 && c < 46 ? -21.0f : -15.0f) + noise(rng);
            in.secondaryDb(r, c) = in.primaryDb(r, c) - 9.0f;
        }
    return in;
}

void writeSidecar(const std::string& path, const std::string& channels, const std::string& outputs)
{
    std::ofstream(path + ".json") << "{\"format\": \"banquise-torchscript\", \"input_channels\": [" << channels
                                  << "], \"normalisation\": {\"sigma0_primary_db\": {\"mean\": -18, \"scale\": 6}}, \"outputs\": ["
                                  << outputs << "], \"mc_dropout\": false}";
}

// A model as Python would save it: one 1x1 convolution from HH to `classes` logits.
void writeForeignModel(const std::string& path, int classes)
{
    torch::jit::Module module("Foreign");
    module.register_parameter("w", torch::linspace(-1.0, 1.0, classes).reshape({classes, 1, 1, 1}), false);
    module.register_parameter("b", torch::zeros({classes}), false);
    module.define("def forward(self, x: Tensor) -> Tensor:\n    return torch.conv2d(x, self.w, self.b)\n");
    module.save(path);
}

} // namespace

class TestTorchScript : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anExportedModelPredictsLikeTheOriginal()
    {
        tests::TempSceneFolder folder;
        const ModelInputs inputs = syntheticInputs();
        const SeaIceModel model(ModelConfig{}, 9);
        const std::string path = folder.path("exported.pt");
        exportTorchScript(model, path);
        const TorchScriptModel imported = TorchScriptModel::load(path);
        QCOMPARE(imported.inputChannels().size(), std::size_t(7));
        PredictionOptions deterministic;
        deterministic.monteCarloSamples = 1;
        const Prediction a = model.predict(inputs, deterministic);
        const Prediction b = imported.predict(inputs, deterministic);
        QVERIFY(cv::countNonZero(a.classes != b.classes) <= static_cast<int>(a.classes.total() / 1000));
        cv::Mat1f difference;
        cv::absdiff(a.despeckledDb, b.despeckledDb, difference);
        QVERIFY(cv::mean(difference)[0] < 1e-4);
        // MC dropout works through the script's `sample` argument.
        const Prediction sampled = imported.predict(inputs, {});
        QVERIFY(cv::mean(sampled.entropy)[0] > 0.0);
    }

    void aForeignModelWithAPartialContractRuns()
    {
        tests::TempSceneFolder folder;
        const std::string path = folder.path("foreign.pt");
        writeForeignModel(path, 3);
        writeSidecar(path, "\"sigma0_primary_db\"", "\"class_logits\"");
        const TorchScriptModel model = TorchScriptModel::load(path);
        QVERIFY(!model.hasElevation());
        const Prediction p = model.predict(syntheticInputs());
        QVERIFY(p.elevation.empty());
        // Logits -x, 0, +x of normalised HH: bright floes (x > 0) are class 2, the dark lead class 0.
        QCOMPARE(int(p.classes(10, 10)), 2);
        QCOMPARE(int(p.classes(10, 43)), 0);
    }

    void ridgesStandAsHighAsTheSidecarSays()
    {
        tests::TempSceneFolder folder;
        const std::string path = folder.path("ridges.pt");
        torch::jit::Module module("Foreign");
        module.define("def forward(self, x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:\n"
                      "    hh = x.narrow(1, 0, 1)\n"
                      "    return hh * 6.0 - 18.0, torch.cat([hh, -hh, hh * 0.0], 1), hh * 0.0 + 0.3\n");
        module.save(path);
        std::ofstream(path + ".json") << R"({"format": "banquise-torchscript", "input_channels": ["sigma0_primary_db"],
            "normalisation": {"sigma0_primary_db": {"mean": -18, "scale": 6}},
            "outputs": ["despeckled_primary_db", "class_logits", "freeboard_m"], "mc_dropout": false,
            "ridge_excess_m": 1.0, "ridge_excess_sigma_m": 0.1, "ridge_excess_records": 40})";
        ModelInputs inputs = syntheticInputs();
        inputs.primaryDb(20, 10) = -5.0f; // one bright pixel on level ice: a ridge
        const Prediction p = TorchScriptModel::load(path).predict(inputs);
        QVERIFY(std::abs(p.elevation(20, 10) - 1.25f) < 1e-5f); // the prior's 0.25 m plus the excess
        QVERIFY(std::abs(p.elevationStd(20, 10) - 0.1f) < 1e-5f);
        QVERIFY(std::abs(p.elevation(30, 10) - 0.3f) < 1e-5f); // level ice: the model's own freeboard
    }

    void aWrongContractIsExplained()
    {
        tests::TempSceneFolder folder;
        const std::string twoClasses = folder.path("two.pt");
        writeForeignModel(twoClasses, 2);
        writeSidecar(twoClasses, "\"sigma0_primary_db\"", "\"class_logits\"");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, TorchScriptModel::load(twoClasses));

        const std::string threeChannels = folder.path("three.pt");
        writeForeignModel(threeChannels, 3); // expects one input channel
        writeSidecar(threeChannels, "\"sigma0_primary_db\", \"sigma0_secondary_db\", \"click_floe\"", "\"class_logits\"");
        try {
            TorchScriptModel::load(threeChannels);
            QFAIL("a model fed the wrong channel count must be refused");
        } catch (const std::runtime_error& e) {
            QVERIFY(QString(e.what()).contains("three.pt"));
        }

        const std::string unknown = folder.path("unknown.pt");
        writeForeignModel(unknown, 3);
        writeSidecar(unknown, "\"sentinel2_b04\"", "\"class_logits\"");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, TorchScriptModel::load(unknown));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, TorchScriptModel::load(folder.path("missing.pt")));
    }
};

BANQUISE_REGISTER_TEST(TestTorchScript);
#include "tst_TorchScript.moc"
