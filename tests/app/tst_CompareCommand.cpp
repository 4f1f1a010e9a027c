#include "common/FlaggedSwot.h"
#include "common/ProgramRun.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "models/Scores.h"
#include "models/SeaIceClasses.h"
#include "scene/AnalysisGrid.h"
#include "scene/GeoTiffFile.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <filesystem>

using namespace banquise;

namespace {

using Run = tests::ProgramRun;

Run runCli(const QStringList& arguments)
{
    return tests::runProgram(QStringLiteral(BANQUISE_CLI), arguments);
}

QString readText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

std::vector<float> valuesOf(const cv::Mat1f& m)
{
    return std::vector<float>(m.begin(), m.end());
}

// Rows of the report's metrics table, each as its cells' text.
QList<QStringList> htmlMetricsRows(const QString& page)
{
    const int start = page.indexOf("<table class=\"metrics\">");
    const QString table = page.mid(start, page.indexOf("</table>", start) - start);
    QList<QStringList> rows;
    static const QRegularExpression row("<tr>(<td>.*?)</tr>");
    static const QRegularExpression cell("<td>(.*?)</td>");
    for (auto r = row.globalMatch(table); r.hasNext();) {
        QStringList cells;
        const QString text = r.next().captured(1);
        for (auto c = cell.globalMatch(text); c.hasNext();)
            cells << c.next().captured(1);
        rows << cells;
    }
    return rows;
}

} // namespace

// banquise-cli compare on a synthetic scene whose "prediction" is its truth
// raised by 5 cm: every figure against the truth is known.
class TestCompareCommand : public QObject {
    Q_OBJECT
private:
    tests::TempSceneFolder m_folder;
    QString m_scene;
    QString m_swot;
    scene::AnalysisGrid m_grid;

    QString path(const char* name) const { return QString::fromStdString(m_folder.path(name)); }

    // A freeboard GeoTIFF (and class.tif beside it) on a grid.
    QString writePrediction(const char* folder, const scene::AnalysisGrid& grid, const cv::Mat1f& freeboard, const cv::Mat1b& classes)
    {
        const std::filesystem::path out(m_folder.path(folder));
        std::filesystem::create_directories(out);
        scene::writeFloatGeoTiff((out / "freeboard.tif").string(), grid, {valuesOf(freeboard)}, 0.0);
        cv::Mat1f classValues(classes.size());
        for (int i = 0; i < static_cast<int>(classes.total()); ++i)
            classValues.begin()[i] = classes.begin()[i] == models::kNoClass ? NAN : classes.begin()[i];
        scene::writeFloatGeoTiff((out / "class.tif").string(), grid, {valuesOf(classValues)}, 0.0);
        return QString::fromStdString(out.string());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scene = path("scene");
        const Run made = runCli({"synth", "--out", m_scene, "--size-km", "12"});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        m_swot = QDir(m_scene + "/swot").entryInfoList({"*.nc"}).front().absoluteFilePath();
        m_grid = scene::readSceneHeader(m_scene.toStdString()).grid();
        const auto truth = scene::synthetic::readSyntheticTruth(m_scene.toStdString());
        writePrediction("raised", m_grid, truth.freeboard + 0.05f, models::classesFromSurfaceCodes(truth.surface));
    }

    void theReportTheCsvAndTheJsonAgree()
    {
        const QString out = path("report");
        const Run compare =
            runCli({"compare", "--prediction", path("raised"), "--swot", m_swot, "--scene", m_scene, "--out", out, "--loto-steps", "4"});
        QVERIFY2(compare.exitCode == 0, qPrintable(compare.err + compare.out));
        QVERIFY2(compare.out.contains("report     " + out + "/report.html"), qPrintable(compare.out));

        const QStringList csv = readText(out + "/metrics.csv").split('\n', Qt::SkipEmptyParts);
        QCOMPARE(csv.front(), QString("comparison,group,subset,count,bias_m,rmse_m,mae_m,nmad_m,pearson_r,slope,intercept"));
        const QList<QStringList> html = htmlMetricsRows(readText(out + "/report.html"));
        QCOMPARE(html.size(), csv.size() - 1);
        for (int i = 0; i < html.size(); ++i)
            QCOMPARE(html[i].join(','), csv[i + 1]);

        // Known answers: the prediction is the truth plus 5 cm everywhere.
        QVERIFY2(csv.contains("prediction vs truth,overall,all,90000,0.0500,0.0500,0.0500,0.0000,1.0000,1.0000,0.0500"),
                 qPrintable(csv.join('\n')));
        for (const char* expected : {"prediction vs SWOT,class,floe,", "prediction vs SWOT,class,leads,", "prediction vs SWOT,cross-track,",
                                     "kriging vs SWOT,overall,all,", "SWOT vs truth,overall,all,", "LOTO prediction,track,CryoSat-2",
                                     "LOTO kriging,track,SARAL/AltiKa"})
            QVERIFY2(csv.join('\n').contains(expected), expected);

        const QJsonObject json = QJsonDocument::fromJson(readText(out + "/metrics.json").toUtf8()).object();
        const QJsonObject figures = json["figures"].toObject();
        for (const char* name : {"swot_rmse_m", "swot_rmse_kriging_m", "loto_rmse_m", "loto_rmse_kriging_m", "truth_rmse_m"})
            QVERIFY2(figures.contains(name), name);
        QVERIFY(std::abs(figures["truth_rmse_m"].toDouble() - 0.05) < 1e-6);
        // SWOT is the truth averaged plus 3 cm noise: the prediction sits about 5 cm above it.
        const QJsonObject first = json["metrics"].toArray().first().toObject();
        QCOMPARE(first["comparison"].toString(), QString("prediction vs SWOT"));
        QVERIFY2(std::abs(first["bias_m"].toDouble() - 0.05) < 0.02, qPrintable(QString::number(first["bias_m"].toDouble())));
        QCOMPARE(QString::number(first["rmse_m"].toDouble(), 'f', 4), csv[1].split(',')[5]);
        QVERIFY(json["provenance"].toObject()["drift"].toString().contains("compensated"));

        for (const char* figure : {"prediction", "swot", "difference", "density", "histogram", "cross_track", "profile"}) {
            const QImage image(out + "/figures/" + figure + ".png");
            QVERIFY2(!image.isNull() && image.width() > 300, figure);
            // Not blank: many distinct colours.
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 7)
                for (int x = 0; x < image.width(); x += 7)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 8, figure);
        }
    }

    void aPredictionCarriesItsModelAndTimeIntoTheReport()
    {
        const QString model = path("model.pt");
        const Run trained = runCli({"train", m_scene, "--out", model, "--steps", "3", "--crop", "96"});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const QString predicted = path("predicted");
        const Run predict = runCli({"predict", m_scene, "--model", model, "--out", predicted, "--mc", "2"});
        QVERIFY2(predict.exitCode == 0, qPrintable(predict.err));
        const Run compare = runCli({"compare", "--prediction", predicted, "--swot", m_swot, "--scene", m_scene, "--out", path("provenance"),
                                    "--loto", "no"});
        QVERIFY2(compare.exitCode == 0, qPrintable(compare.err));
        const QJsonObject json = QJsonDocument::fromJson(readText(path("provenance") + "/metrics.json").toUtf8()).object();
        const QJsonObject provenance = json["provenance"].toObject();
        QCOMPARE(provenance["prediction model"].toString(), QFileInfo(model).absoluteFilePath());
        QCOMPARE(provenance["prediction time"].toString(), QString("2024-03-14T16:05:12Z")); // the scene's SAR time
        QVERIFY(json["parameters"].toObject()["footprint averaging"].toString().startsWith("6 x 6 px"));
        QVERIFY(!json["parameters"].toObject().contains("leave-one-track-out"));
        const QString page = readText(path("provenance") + "/report.html");
        QVERIFY(page.contains(QFileInfo(model).absoluteFilePath()));
        QVERIFY(!readText(path("provenance") + "/metrics.csv").contains("LOTO"));
    }

    void noOverlapIsRefusedWithoutAReport()
    {
        const scene::AnalysisGrid elsewhere(m_grid.epsg(), m_grid.originX() + 800000.0, m_grid.originY(), m_grid.pixelSize(), m_grid.width(),
                                            m_grid.height());
        const cv::Mat1f flat(m_grid.height(), m_grid.width(), 0.2f);
        const QString prediction = writePrediction("elsewhere", elsewhere, flat, cv::Mat1b(flat.size(), models::kFloe));
        const Run compare = runCli({"compare", "--prediction", prediction, "--swot", m_swot, "--out", path("no-overlap")});
        QCOMPARE(compare.exitCode, 1);
        QVERIFY2(compare.err.contains(m_swot) && compare.err.contains("does not overlap"), qPrintable(compare.err));
        QVERIFY(!QFile::exists(path("no-overlap")));
    }

    void everySwotPixelFlaggedIsRefusedWithoutAReport()
    {
        const QString flagged = path("flagged.nc");
        QVERIFY(QFile::copy(m_swot, flagged));
        QVERIFY(tests::flagEverySwotPixel(flagged.toStdString()));
        const Run compare = runCli({"compare", "--prediction", path("raised"), "--swot", flagged, "--out", path("flagged-report")});
        QCOMPARE(compare.exitCode, 1);
        QVERIFY2(compare.err.contains(flagged) && compare.err.contains("every SWOT pixel is flagged bad"), qPrintable(compare.err));
        QVERIFY(!QFile::exists(path("flagged-report")));
    }

    void aGeographicPredictionAndAScenelessGridAreRefused()
    {
        // A lon/lat raster cannot be compared in metres.
        const std::string geographic = m_folder.path("lonlat.tif");
        QVERIFY(QProcess::execute("gdal_translate", {"-q", "-a_srs", "EPSG:4326", "-a_ullr", "-141", "76", "-139", "74",
                                                      path("raised") + "/freeboard.tif", QString::fromStdString(geographic)})
                == 0);
        Run compare = runCli({"compare", "--prediction", QString::fromStdString(geographic), "--swot", m_swot, "--out", path("geo")});
        QCOMPARE(compare.exitCode, 1);
        QVERIFY2(compare.err.contains("lonlat.tif") && compare.err.contains("geographic"), qPrintable(compare.err));

        // A prediction on another grid than the scene named for drift and baselines.
        compare = runCli({"compare", "--prediction", path("elsewhere"), "--swot", m_swot, "--scene", m_scene, "--out", path("grid")});
        QCOMPARE(compare.exitCode, 1);
        QVERIFY2(compare.err.contains("is not on the grid of the scene"), qPrintable(compare.err));
        QVERIFY(!QFile::exists(path("geo")) && !QFile::exists(path("grid")));
    }
};

BANQUISE_REGISTER_TEST(TestCompareCommand);
#include "tst_CompareCommand.moc"
