#pragma once

#include "samples/projectlist.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace SeqDrop {

class CustomFieldsEditor;
class SampleDescription;
class SampleUpload;
struct SampleSpec;
class TagEditor;

// Describes the selected samples: tags, project, One Codex's metadata fields and custom ones.
// Only the fields the user touches are applied, to every selected sample at once, so setting
// a project on 96 rows keeps each row's own external ID. Invalid values are flagged where they
// are typed and block Apply: nothing invalid reaches init_upload.
class SampleEditorPanel : public QWidget {
    Q_OBJECT
public:
    explicit SampleEditorPanel(QWidget *parent = nullptr);

    void setSamples(const QList<SampleUpload *> &samples);
    void setProjects(const QList<Project> &projects);
    void setKnownTags(const QStringList &tags);

    bool hasChanges() const { return !m_dirty.isEmpty(); }
    // Empty when every field is valid, else the first problem.
    QString problem() const;

    TagEditor *tagEditor() const { return m_tags; }
    QComboBox *projectCombo() const { return m_project; }
    QLineEdit *lineField(const QString &key) const { return m_lines.value(key); }
    QComboBox *comboField(const QString &key) const { return m_combos.value(key); }
    QDateEdit *dateField(const QString &key) const { return m_dates.value(key); }
    CustomFieldsEditor *customFields() const { return m_custom; }
    // Under each field: "From <sheet>" while every selected sample has that value from a
    // sample sheet and the user has not typed over it.
    QLabel *sourceLabel(const QString &key) const { return m_sources.value(key); }

public Q_SLOTS:
    // Writes the touched fields into every selected sample; returns how many took them.
    int apply();
    void revert();
    // Samples may start or fail while selected: re-check what can still be edited.
    void refreshState() { updateState(); }

Q_SIGNALS:
    // Samples that were running when Apply came were left alone; `skipped` counts them.
    void applied(int count, int skipped);

private:
    QWidget *buildForm();
    QLineEdit *addLine(const QString &key, int maxLength, const QString &placeholder);
    QComboBox *addCombo(const QString &key, const QStringList &values, bool editable);
    QDateEdit *addDate(const QString &key);
    QLabel *errorLabel(const QString &key);
    QLabel *addSourceLabel(const QString &key);
    // Shows which fields of the selected samples a sample sheet set.
    void showSources(const QList<const SampleSpec *> &specs);
    void touch(const QString &key);
    void validateField(const QString &key);
    QString fieldText(const QString &key) const;
    // The fields the user touched, as one description for every selected sample.
    SampleDescription touchedDescription() const;
    void load();
    void updateState();

    QList<QPointer<SampleUpload>> m_samples;
    QList<Project> m_projects;
    QLabel *m_heading;
    TagEditor *m_tags;
    QComboBox *m_project;
    QCheckBox *m_starred;
    CustomFieldsEditor *m_custom;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QWidget *m_form;
    QHash<QString, QLineEdit *> m_lines;
    QHash<QString, QComboBox *> m_combos;
    QHash<QString, QDateEdit *> m_dates;
    QHash<QString, QLabel *> m_errors;
    QHash<QString, QLabel *> m_sources;
    QHash<QString, QString> m_problems;
    QSet<QString> m_dirty;
    bool m_loading = false;
};

} // namespace SeqDrop
