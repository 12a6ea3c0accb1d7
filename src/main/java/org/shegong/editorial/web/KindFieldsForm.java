package org.shegong.editorial.web;

import org.shegong.content.KindFields;
import org.shegong.editorial.workflow.EditorialException;

/**
 * The item-type fields of the editor form (posted as {@code fields.noticeStart} and so on), as typed. Every kind's
 * fields are in the form (it works without JavaScript); those of other kinds are kept but not shown to readers.
 */
public class KindFieldsForm {

    private String coverUrl = "";
    private String noticeStart = "";
    private String noticeEnd = "";
    private String noticeContact = "";
    private String imageUrl = "";
    private String transcript = "";
    private String docNumber = "";
    private String issuer = "";
    private String writtenOn = "";
    private String validity = "";
    private String attachmentUrl = "";
    private String videoUrl = "";
    private String posterUrl = "";
    private String externalUrl = "";

    static KindFieldsForm of(KindFields f) {
        KindFieldsForm form = new KindFieldsForm();
        form.coverUrl = nz(f.coverUrl());
        form.noticeStart = nz(f.noticeStart());
        form.noticeEnd = nz(f.noticeEnd());
        form.noticeContact = nz(f.noticeContact());
        form.imageUrl = nz(f.imageUrl());
        form.transcript = nz(f.transcript());
        form.docNumber = nz(f.docNumber());
        form.issuer = nz(f.issuer());
        form.writtenOn = nz(f.writtenOn());
        form.validity = f.validity() == null ? "" : f.validity().name();
        form.attachmentUrl = nz(f.attachmentUrl());
        form.videoUrl = nz(f.videoUrl());
        form.posterUrl = nz(f.posterUrl());
        form.externalUrl = nz(f.externalUrl());
        return form;
    }

    /** The fields, checked; a bad one becomes the form's Chinese message. */
    KindFields toFields() {
        try {
            return KindFields.fromMap(java.util.Map.ofEntries(
                    e("cover", coverUrl), e("notice_start", noticeStart), e("notice_end", noticeEnd),
                    e("notice_contact", noticeContact), e("image", imageUrl), e("transcript", transcript),
                    e("doc_number", docNumber), e("issuer", issuer), e("written_on", writtenOn),
                    e("validity", validity), e("attachment", attachmentUrl), e("video", videoUrl),
                    e("poster", posterUrl), e("external", externalUrl))).checked();
        } catch (IllegalArgumentException e) {
            throw new EditorialException(EditorialException.Kind.INVALID, e.getMessage());
        }
    }

    private static java.util.Map.Entry<String, String> e(String key, String value) {
        return java.util.Map.entry(key, value == null ? "" : value);
    }

    private static String nz(Object value) {
        return value == null ? "" : value.toString();
    }

    public String getCoverUrl() { return coverUrl; }
    public void setCoverUrl(String v) { coverUrl = v; }
    public String getNoticeStart() { return noticeStart; }
    public void setNoticeStart(String v) { noticeStart = v; }
    public String getNoticeEnd() { return noticeEnd; }
    public void setNoticeEnd(String v) { noticeEnd = v; }
    public String getNoticeContact() { return noticeContact; }
    public void setNoticeContact(String v) { noticeContact = v; }
    public String getImageUrl() { return imageUrl; }
    public void setImageUrl(String v) { imageUrl = v; }
    public String getTranscript() { return transcript; }
    public void setTranscript(String v) { transcript = v; }
    public String getDocNumber() { return docNumber; }
    public void setDocNumber(String v) { docNumber = v; }
    public String getIssuer() { return issuer; }
    public void setIssuer(String v) { issuer = v; }
    public String getWrittenOn() { return writtenOn; }
    public void setWrittenOn(String v) { writtenOn = v; }
    public String getValidity() { return validity; }
    public void setValidity(String v) { validity = v; }
    public String getAttachmentUrl() { return attachmentUrl; }
    public void setAttachmentUrl(String v) { attachmentUrl = v; }
    public String getVideoUrl() { return videoUrl; }
    public void setVideoUrl(String v) { videoUrl = v; }
    public String getPosterUrl() { return posterUrl; }
    public void setPosterUrl(String v) { posterUrl = v; }
    public String getExternalUrl() { return externalUrl; }
    public void setExternalUrl(String v) { externalUrl = v; }
}
