#include "common/TestRegistry.h"

#include "labeling/LabelClass.h"

#include <QTest>

#include <set>

using namespace banquise::labeling;

class TestLabelClass : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void codesShortcutsAndColoursAreDistinct()
    {
        std::set<int> codes;
        std::set<char> shortcuts;
        std::set<std::array<std::uint8_t, 3>> colours;
        for (const auto& c : labelClasses()) {
            codes.insert(static_cast<int>(c.code));
            shortcuts.insert(c.shortcut);
            colours.insert(c.colour);
        }
        QCOMPARE(codes.size(), labelClasses().size());
        QCOMPARE(shortcuts.size(), labelClasses().size());
        QCOMPARE(colours.size(), labelClasses().size());
    }

    void classesAreFoundByNameAndCode()
    {
        QCOMPARE(findLabelClass("refrozen lead")->code, LabelCode::RefrozenLead);
        QCOMPARE(QString(labelClass(LabelCode::Floe).name), QString("floe"));
        QVERIFY(findLabelClass("iceberg") == nullptr);
    }
};

BANQUISE_REGISTER_TEST(TestLabelClass);
#include "tst_LabelClass.moc"
