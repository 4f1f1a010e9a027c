#include "common/TempSceneFolder.h"
#include "common/SyntheticInputs.h"
#include "common/TestRegistry.h"

#include "models/LeaveOneTrackOut.h"
#include "models/ModelInputs.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace banquise;
using namespace banquise::models;

// Leave-one-track-out validation on a small synthetic scene (12 km, three tracks).
class TestLeaveOneTrackOut : public QObject {
    Q_OBJECT
private:
    tests::TempSceneFolder m_folder;
    std::optional<ModelInputs> m_inputs;

private Q_SLOTS:
    void initTestCase() { m_inputs = tests::syntheticInputs(m_folder.path(), 12.0); }

    // Each track is scored only on its own records, by maps made without it.
    void leaveOneTrackOutScoresTheHeldOutTrackOnly()
    {
        PredictionOptions quick;
        quick.monteCarloSamples = 2;
        std::vector<std::string> announced;
        const LeaveOneTrackOut loto = leaveOneTrackOut(*m_inputs, ModelConfig{}, tests::quickTraining(20, 96), quick,
                                                       [&](int, const std::string& name) { announced.push_back(name); });
        QCOMPARE(loto.tracks.size(), m_inputs->trackNames.size());
        QCOMPARE(announced, m_inputs->trackNames);
        std::size_t pooled = 0;
        for (std::size_t t = 0; t < loto.tracks.size(); ++t) {
            std::vector<FootprintRecord> own;
            for (const FootprintRecord& r : m_inputs->records)
                if (r.track == static_cast<int>(t))
                    own.push_back(r);
            QCOMPARE(loto.tracks[t].model.count, own.size());
            QCOMPARE(loto.tracks[t].kriging.count, own.size());
            pooled += own.size();
            // The kriging that saw the track fits its records far better than the one without it.
            std::vector<float> values;
            for (const FootprintRecord& r : own)
                values.push_back(r.value);
            const RegressionScores seen = scoreRegression(footprintMeans(m_inputs->freeboardPrior, own), values);
            qInfo("%s: held-out RMSE model %.3f m, kriging %.3f m; kriging with the track %.3f m", loto.tracks[t].track.c_str(),
                  loto.tracks[t].model.rmse, loto.tracks[t].kriging.rmse, seen.rmse);
            QVERIFY(loto.tracks[t].kriging.rmse > seen.rmse);
            QVERIFY(std::isfinite(loto.tracks[t].model.rmse) && loto.tracks[t].model.rmse < 1.0);
        }
        QCOMPARE(loto.model.count, pooled);
        QCOMPARE(loto.kriging.count, pooled);

        ModelInputs oneTrack = *m_inputs;
        oneTrack.records.erase(std::remove_if(oneTrack.records.begin(), oneTrack.records.end(),
                                              [](const FootprintRecord& r) { return r.track != 0; }),
                               oneTrack.records.end());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, leaveOneTrackOut(oneTrack, ModelConfig{}, tests::quickTraining(1, 96), quick));
    }

};

BANQUISE_REGISTER_TEST(TestLeaveOneTrackOut);
#include "tst_LeaveOneTrackOut.moc"
